/**
 * TikTok through the Content Posting API: Login Kit OAuth v2 (client_key, comma-separated scopes,
 * PKCE with a hex challenge), Direct Post or upload to the creator's inbox, videos by chunked file
 * upload and photo posts pulled from a verified domain. Limits follow developers.tiktok.com
 * (content-posting-api-reference-direct-post, -photo-post, -media-transfer-guide).
 */
import { NO_INBOX } from '../inbox-contract.ts';
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

const MB = 1024 * 1024;

/** Who can see a post; the account offers a subset (creator_info `privacy_level_options`). */
export const tiktokPrivacyLevels = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export type TikTokPrivacyLevel = (typeof tiktokPrivacyLevels)[number];

/**
 * Per-target settings. TikTok's UX guidelines require the user to choose the privacy level
 * themselves, so it has no default: `validate` reports it missing for Direct Post.
 */
export const tiktokSettingsSchema = z.object({
  /** `direct` posts at once; `inbox` sends the media to the creator's TikTok inbox to finish there. */
  mode: z.enum(['direct', 'inbox']).default('direct'),
  privacy_level: z.enum(tiktokPrivacyLevels).optional(),
  disable_comment: z.boolean().default(false),
  disable_duet: z.boolean().default(false),
  disable_stitch: z.boolean().default(false),
  /** "Branded content": the post promotes a third party (paid partnership). */
  brand_content_toggle: z.boolean().default(false),
  /** "Your brand": the post promotes the creator's own business. */
  brand_organic_toggle: z.boolean().default(false),
  /** FILE_UPLOAD sends the bytes; PULL_FROM_URL needs this server's domain verified with TikTok. */
  video_source: z.enum(['FILE_UPLOAD', 'PULL_FROM_URL']).default('FILE_UPLOAD'),
  video_cover_timestamp_ms: z.number().int().nonnegative().optional(),
  /** Photo posts: which photo (0-based) is the cover. */
  photo_cover_index: z.number().int().nonnegative().default(0),
  /** Photo posts: let TikTok add recommended music. */
  auto_add_music: z.boolean().default(false),
});

export type TikTokSettings = z.output<typeof tiktokSettingsSchema>;

/** TikTok's capabilities and limits. */
export const tiktokManifest: NetworkManifest = {
  id: 'tiktok',
  name: 'TikTok',
  accountKinds: ['profile'],
  auth: {
    kind: 'oauth2',
    pkce: true,
    // `user.info.profile` is needed for the username (profile URL and post links) since TikTok's
    // 2024 scope migration moved `username` out of `user.info.basic`. `user.info.stats` and
    // `video.list` are for analytics (account counts, video counts and backfill).
    scopes: ['user.info.basic', 'user.info.profile', 'video.publish', 'video.upload', 'user.info.stats', 'video.list'],
    // Each refresh returns a new refresh token; the one sent stops working.
    refresh: 'rotating',
    perInstance: false,
    appCredentials: { clientId: 'TIKTOK_CLIENT_KEY', clientSecret: 'TIKTOK_CLIENT_SECRET' },
  },
  // Video captions: 2200 UTF-16 runes; photo posts: title 90, description 4000 (the caption limit applies).
  text: { limit: 2200, count: { kind: 'utf16_units' }, required: false, titleLimit: 90, titleRequired: false },
  media: {
    rules: [
      {
        kind: 'video',
        mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
        // TikTok allows 4 GB; Plume reads media into memory, so it caps uploads at 1 GB.
        maxBytes: 1024 * MB,
        minDurationSec: 3,
        // All creators may post 10 minutes at most; creator_info narrows it per account at publish time.
        maxDurationSec: 600,
        minWidth: 360,
        maxWidth: 4096,
        maxHeight: 4096,
      },
      // Photo posts: JPEG or WebP (no PNG), 20 MB each, at most 1080p.
      { kind: 'image', mimeTypes: ['image/jpeg', 'image/webp'], maxBytes: 20 * MB },
    ],
    // One video, or up to 35 photos (checked in publish).
    maxItems: 35,
    mixedKinds: false,
    required: true,
    altText: { supported: false },
    // post_info.is_aigc on video Direct Posts.
    aiLabel: true,
    // Videos are uploaded by default; photo posts are always pulled by TikTok from `publicUrl`.
    source: 'upload',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: false,
  link: { supported: false },
  hashtags: { recommendedMax: 5 },
  nativeScheduling: false,
  analytics: {
    post: {
      metrics: ['views', 'likes', 'replies', 'shares'],
      batchSize: 20,
      scopes: ['video.list'],
      note: 'Display API counts of public posts; a post TikTok only gave a publish_id for (inbox upload, "Only me", moderation still running) cannot be measured.',
    },
    account: { metrics: ['followers', 'following', 'posts'], scopes: ['user.info.stats'] },
    recentPosts: { maxPosts: 500, maxAgeDays: 90 },
  },
  inbox: NO_INBOX,
  rateLimits: [
    {
      scope: 'account',
      operation: 'publish',
      limit: 6,
      windowSec: 60,
      note: 'video/init, inbox/video/init and content/init per access token',
    },
    { scope: 'account', operation: 'read', limit: 20, windowSec: 60, note: 'creator_info/query per access token' },
    { scope: 'account', operation: 'read', limit: 30, windowSec: 60, note: 'status/fetch per access token' },
    // Display API defaults (tiktok-api-v2-rate-limit): 600 requests in a one-minute sliding window for each
    // endpoint. TikTok does not say per token or per app, so they are declared per app, the stricter reading.
    { scope: 'app', operation: 'read', limit: 600, windowSec: 60, note: '/v2/video/query/ (20 videos a call)' },
    { scope: 'app', operation: 'read', limit: 600, windowSec: 60, note: '/v2/video/list/' },
    { scope: 'app', operation: 'read', limit: 600, windowSec: 60, note: '/v2/user/info/' },
    {
      scope: 'account',
      operation: 'publish',
      limit: 15,
      windowSec: 24 * 60 * 60,
      note: 'approximate daily cap per creator across all apps; TikTok answers spam_risk_too_many_posts',
    },
  ],
  publishConcurrency: 2,
  settings: tiktokSettingsSchema,
  endpoints: {
    api: 'https://open.tiktokapis.com',
    authorize: 'https://www.tiktok.com/v2/auth/authorize/',
    token: 'https://open.tiktokapis.com/v2/oauth/token/',
  },
  docsUrl: 'https://developers.tiktok.com/doc/content-posting-api-get-started',
};
