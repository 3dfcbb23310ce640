/**
 * YouTube: one video per post (regular video or Short), uploaded with the resumable protocol. Limits
 * from the Data API v3 docs: title ≤ 100 characters and required, description ≤ 5,000 bytes (UTF-8),
 * neither may contain `<` or `>`; tags ≤ 500 characters in total; files ≤ 256 GB of any `video/*`
 * type; 15 minutes for unverified channels, 12 hours once verified. Shorts are decided by YouTube
 * itself: square or vertical and up to 3 minutes.
 *
 * Docs: https://developers.google.com/youtube/v3/docs/videos/insert,
 * https://developers.google.com/youtube/v3/docs/videos#resource, https://support.google.com/youtube/answer/12779649
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';
import { GOOGLE_APP_CREDENTIALS, GOOGLE_OAUTH_ENDPOINTS } from './google-oauth.ts';

/**
 * Upload and read as asked; `youtube.force-ssl` too because `videos.delete` accepts only `youtube`,
 * `youtube.force-ssl` or `youtubepartner` (youtube.upload cannot delete what it uploaded).
 */
export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/youtube.force-ssl',
] as const;

/** A Short must be this long at most (YouTube raised it from 60 s to 3 minutes in October 2024). */
export const SHORT_MAX_DURATION_SEC = 180;

/**
 * Per-target settings. `privacy` defaults to public (YouTube's own default since November 2026, when
 * uploads from unaudited API projects stopped being forced private); pick `private` to review first.
 */
export const youtubeSettings = z.object({
  privacy: z.enum(['public', 'unlisted', 'private']).default('public'),
  /** COPPA: YouTube requires every upload to say whether it is made for children. */
  made_for_kids: z.boolean().default(false),
  /** Video category id; 22 is "People & Blogs". */
  category_id: z.string().regex(/^\d+$/).default('22'),
  tags: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  /** Publish as a Short: adds #Shorts to the description and links to /shorts/<id>. */
  short: z.boolean().default(false),
  notify_subscribers: z.boolean().default(true),
});

export type YoutubeSettings = z.infer<typeof youtubeSettings>;

export const youtubeManifest: NetworkManifest = {
  id: 'youtube',
  name: 'YouTube',
  accountKinds: ['channel'],
  auth: {
    kind: 'oauth2',
    pkce: true,
    scopes: YOUTUBE_SCOPES,
    refresh: 'reusable',
    perInstance: false,
    appCredentials: GOOGLE_APP_CREDENTIALS,
  },
  // The post text is the description; the title falls back to its first line when none is given.
  text: { limit: 5000, count: { kind: 'utf8_bytes' }, required: false, titleLimit: 100, titleRequired: true },
  media: {
    rules: [
      {
        kind: 'video',
        mimeTypes: [
          'video/mp4',
          'video/quicktime',
          'video/x-msvideo',
          'video/x-ms-wmv',
          'video/x-flv',
          'video/webm',
          'video/3gpp',
          'video/mpeg',
          'video/x-matroska',
        ],
        maxBytes: 256 * 1024 ** 3,
        minDurationSec: 1,
        maxDurationSec: 12 * 3600,
      },
    ],
    maxItems: 1,
    mixedKinds: false,
    required: true,
    altText: { supported: false },
    aiLabel: true,
    source: 'upload',
  },
  thread: { supported: false, maxParts: 1 },
  // Not implemented yet (it would be commentThreads.insert, allowed by youtube.force-ssl).
  firstComment: false,
  link: { supported: false },
  // Only the first three hashtags show above the title; more than 60 and YouTube ignores them all.
  hashtags: { recommendedMax: 3 },
  nativeScheduling: true,
  // The Data API's public statistics, read with the youtube.readonly scope publishing already asks for.
  analytics: {
    post: {
      metrics: ['views', 'likes', 'replies'],
      batchSize: 50,
      scopes: [],
      note: 'likes are absent when the owner hides them, replies (comments) when comments are off.',
    },
    account: {
      metrics: ['followers', 'posts'],
      scopes: [],
      note: 'followers are absent when the channel hides its subscriber count.',
    },
    recentPosts: { maxPosts: 20_000, maxAgeDays: 3650 },
    publicPosts: {
      metrics: ['views', 'likes', 'replies'],
      maxPosts: 100,
      handleHint: '@channelname',
      apiKey: 'YOUTUBE_API_KEY',
      note: 'Read with the server’s Data API key (YOUTUBE_API_KEY), 1 quota unit a call: about 4 calls per channel and day. Likes are absent where the owner hides them, comments where they are off.',
    },
  },
  inbox: {
    kinds: ['comment', 'reply'],
    reply: ['comment', 'reply'],
    moderation: ['hide', 'delete'],
    delivery: 'poll',
    pageSize: 100,
    // Reads share the project's 10,000 quota units a day across every connected channel.
    minPollSec: 900,
    scopes: ['https://www.googleapis.com/auth/youtube.force-ssl'],
    note: "Quota per call: reading comment threads or replies 1 unit a page, a reply (comments.insert) 50, hiding (setModerationStatus) 50, deleting 50, out of 10,000 units a day per Google project. Delete works only on the channel's own comments; others can be hidden. Comments held for review are not read.",
  },
  rateLimits: [
    {
      scope: 'app',
      operation: 'publish',
      limit: 100,
      windowSec: 86_400,
      note: 'videos.insert has its own bucket: 100 uploads a day per Google Cloud project by default; resets at midnight Pacific.',
    },
    {
      scope: 'app',
      operation: 'any',
      limit: 10_000,
      windowSec: 86_400,
      note: '10,000 quota units a day for every other method (channels.list costs 1, videos.delete 50); resets at midnight Pacific.',
    },
    {
      scope: 'app',
      operation: 'read',
      limit: 10_000,
      windowSec: 86_400,
      note: 'Metrics share the 10,000 units a day: videos.list (50 videos), channels.list and playlistItems.list cost 1 unit each.',
    },
  ],
  publishConcurrency: 2,
  settings: youtubeSettings,
  endpoints: {
    ...GOOGLE_OAUTH_ENDPOINTS,
    api: 'https://www.googleapis.com/youtube/v3',
    upload: 'https://www.googleapis.com/upload/youtube/v3',
    web: 'https://www.youtube.com',
  },
  docsUrl: 'https://developers.google.com/youtube/v3/docs/videos/insert',
};
