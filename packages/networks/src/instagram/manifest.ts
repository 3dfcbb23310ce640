/**
 * Instagram professional accounts (business and creator) through the "Instagram API with Instagram
 * Login" (graph.instagram.com). We chose it over the Facebook Login variant because accounts do not
 * need a linked Facebook Page, the user signs in with Instagram itself, and it is the variant Meta
 * recommends and extends first. Personal accounts cannot publish through any Instagram API.
 * Limits from the Content Publishing guide and the IG User Media reference.
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

/** The Graph API version in every graph.instagram.com URL (same numbering as Facebook's). */
export const INSTAGRAM_GRAPH_VERSION = 'v26.0';

/** Per-target settings: feed post (default) or story, and whether a reel also shows in the feed grid. */
export const instagramSettingsSchema = z.object({
  placement: z.enum(['feed', 'story']).default('feed'),
  shareReelToFeed: z.boolean().default(true),
});

export type InstagramSettings = z.infer<typeof instagramSettingsSchema>;

const MB = 1024 * 1024;

/** What Plume can do on Instagram and how Instagram measures it. */
export const instagramManifest: NetworkManifest = {
  id: 'instagram',
  name: 'Instagram',
  accountKinds: ['business', 'creator'],
  auth: {
    kind: 'oauth2',
    // Business Login for Instagram documents no PKCE; the code exchange uses the app secret.
    pkce: false,
    // instagram_business_manage_comments is needed for the first comment, instagram_business_manage_insights for metrics.
    scopes: [
      'instagram_business_basic',
      'instagram_business_content_publish',
      'instagram_business_manage_comments',
      'instagram_business_manage_insights',
      // The inbox: reading and answering direct messages.
      'instagram_business_manage_messages',
    ],
    // No refresh token: the long-lived access token (60 days) is itself refreshed with ig_refresh_token.
    refresh: 'reusable',
    perInstance: false,
    appCredentials: { clientId: 'INSTAGRAM_APP_ID', clientSecret: 'INSTAGRAM_APP_SECRET' },
  },
  text: { limit: 2200, count: { kind: 'utf16_units' }, required: false },
  media: {
    rules: [
      // Images: JPEG only, up to 8 MB, aspect ratio 4:5 to 1.91:1, at least 320 px wide.
      {
        kind: 'image',
        mimeTypes: ['image/jpeg'],
        maxBytes: 8 * MB,
        minAspectRatio: 0.8,
        maxAspectRatio: 1.91,
        minWidth: 320,
      },
      // Reels: MP4 or MOV, up to 300 MB, 3 seconds to 15 minutes (carousel videos: 60 s, checked in validate).
      {
        kind: 'video',
        mimeTypes: ['video/mp4', 'video/quicktime'],
        maxBytes: 300 * MB,
        minDurationSec: 3,
        maxDurationSec: 15 * 60,
        minAspectRatio: 0.01,
        maxAspectRatio: 10,
      },
    ],
    maxItems: 10,
    mixedKinds: true,
    required: true,
    // alt_text exists for image posts (feed and carousel images), not for reels or stories.
    altText: { supported: true },
    aiLabel: false,
    source: 'public_url',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: true,
  // Links in captions are not clickable on Instagram.
  link: { supported: false },
  hashtags: { recommendedMax: 5 },
  nativeScheduling: false,
  analytics: {
    post: {
      metrics: ['views', 'reach', 'likes', 'replies', 'shares', 'saves'],
      batchSize: 1,
      scopes: ['instagram_business_manage_insights'],
      note: 'Lifetime media insights (views replaced impressions, plays and video_views in 2025); data can lag up to 48 hours. Stories have no saves and are readable for 24 hours only. Likes are absent when the owner hides like counts.',
    },
    account: { metrics: ['followers', 'following', 'posts'], scopes: [] },
    recentPosts: { maxPosts: 500, maxAgeDays: 90 },
  },
  inbox: {
    kinds: ['comment', 'reply', 'message'],
    reply: ['comment', 'reply', 'message'],
    moderation: ['hide', 'delete'],
    delivery: 'push',
    pageSize: 100,
    // Instagram has no "last commented" time: a read opens every commented media of the last 28 days.
    minPollSec: 600,
    scopes: ['instagram_business_manage_comments', 'instagram_business_manage_messages'],
    note: "Polling opens media of the last 28 days only. Mentions are not read: Instagram gives them only as webhook ids without their text. Direct messages need Advanced access to instagram_business_manage_messages, and answers are allowed within 24 hours of the person's last message.",
  },
  rateLimits: [
    {
      scope: 'account',
      operation: 'publish',
      limit: 100,
      windowSec: 86_400,
      note: 'API-published posts per account in a moving 24 hours (a carousel counts as one).',
    },
    {
      scope: 'account',
      operation: 'any',
      limit: 4800,
      windowSec: 86_400,
      note: 'Business use case limit: 4,800 calls a day times the account impressions.',
    },
    {
      scope: 'account',
      operation: 'read',
      limit: 4800,
      windowSec: 86_400,
      note: 'Metrics reads share the business use case limit above (one call per media).',
    },
    {
      scope: 'app',
      operation: 'read',
      limit: 200,
      windowSec: 3600,
      note: 'Platform limit: 200 calls an hour times the app users (error code 4).',
    },
  ],
  publishConcurrency: 2,
  settings: instagramSettingsSchema,
  endpoints: {
    graph: `https://graph.instagram.com/${INSTAGRAM_GRAPH_VERSION}`,
    graphRoot: 'https://graph.instagram.com',
    authorize: 'https://www.instagram.com/oauth/authorize',
    token: 'https://api.instagram.com/oauth/access_token',
  },
  docsUrl: 'https://developers.facebook.com/docs/instagram-platform/content-publishing',
};
