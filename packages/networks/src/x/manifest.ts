/**
 * X (formerly Twitter) through API v2: OAuth 2.0 with PKCE, posts via POST /2/tweets, media via the
 * v2 media upload endpoints. Limits follow docs.x.com (Posts: create-post; Media: best-practices).
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

const MB = 1024 * 1024;

/** Who may reply to a post; `everyone` sends nothing (X's default). */
export const xReplySettings = ['everyone', 'following', 'mentionedUsers', 'subscribers', 'verified'] as const;

/** Per-target settings for X. */
export const xSettingsSchema = z.object({
  replySettings: z.enum(xReplySettings).default('everyone'),
});

/** X's capabilities and limits for a default (non-Premium) account. */
export const xManifest: NetworkManifest = {
  id: 'x',
  name: 'X',
  accountKinds: ['profile'],
  auth: {
    kind: 'oauth2',
    pkce: true,
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write', 'tweet.moderate.write'],
    refresh: 'rotating',
    perInstance: false,
    appCredentials: { clientId: 'X_CLIENT_ID', clientSecret: 'X_CLIENT_SECRET' },
  },
  // twitter-text v3: most characters weigh 2 outside Latin ranges, every URL counts as 23.
  text: { limit: 280, count: { kind: 'weighted' }, required: false },
  media: {
    rules: [
      { kind: 'image', mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'], maxBytes: 5 * MB },
      { kind: 'gif', mimeTypes: ['image/gif'], maxBytes: 15 * MB, maxWidth: 1280, maxHeight: 1080 },
      {
        kind: 'video',
        mimeTypes: ['video/mp4', 'video/quicktime'],
        // X allows 8 GB; Plume reads media into memory, so it caps uploads at 512 MB.
        maxBytes: 512 * MB,
        // docs.x.com media best practices: 0.5–140 s for an account without X Premium (limits follow
        // the user's entitlement; this manifest describes a default account).
        minDurationSec: 0.5,
        maxDurationSec: 140,
        minAspectRatio: 1 / 3,
        maxAspectRatio: 3,
        minWidth: 32,
        maxWidth: 1280,
        maxHeight: 1024,
      },
    ],
    // Up to 4 photos, or 1 GIF, or 1 video (checked in validate()).
    maxItems: 4,
    mixedKinds: false,
    required: false,
    altText: { supported: true, maxLength: 1000 },
    // POST /2/tweets `made_with_ai` (X API v2.167).
    aiLabel: true,
    source: 'upload',
  },
  thread: { supported: true, maxParts: 25 },
  firstComment: true,
  link: { supported: true },
  hashtags: { recommendedMax: 2 },
  nativeScheduling: false,
  analytics: {
    post: {
      metrics: ['impressions', 'likes', 'reposts', 'replies', 'quotes', 'saves'],
      batchSize: 100,
      scopes: [],
      note: 'Public metrics only: link clicks (non_public_metrics) are limited to the last 30 days and not read.',
    },
    account: { metrics: ['followers', 'following', 'posts'], scopes: [] },
    recentPosts: { maxPosts: 3200, maxAgeDays: 3650 },
  },
  // Mentions: 450 requests per 15 minutes per user (Basic and up), 100 posts a page.
  inbox: {
    kinds: ['comment', 'reply', 'mention'],
    reply: ['comment', 'reply', 'mention'],
    moderation: ['hide'],
    delivery: 'poll',
    pageSize: 100,
    minPollSec: 120,
    scopes: ['tweet.moderate.write'],
    note: 'Reading mentions needs the Basic access tier or higher (the Free tier cannot read them). Direct messages are not read (dm.read, paid tiers). Replies can be hidden only in conversations you started.',
  },
  rateLimits: [
    { scope: 'account', operation: 'publish', limit: 200, windowSec: 15 * 60, note: 'POST /2/tweets per user' },
    { scope: 'account', operation: 'publish', limit: 300, windowSec: 3 * 60 * 60, note: 'posts and reposts per user' },
    { scope: 'account', operation: 'read', limit: 75, windowSec: 15 * 60, note: 'GET /2/users/me per user' },
    { scope: 'account', operation: 'read', limit: 5000, windowSec: 15 * 60, note: 'GET /2/tweets (lookup) per user' },
    { scope: 'app', operation: 'read', limit: 3500, windowSec: 15 * 60, note: 'GET /2/tweets (lookup) per app' },
    { scope: 'account', operation: 'read', limit: 900, windowSec: 15 * 60, note: 'GET /2/users/:id/tweets per user' },
    { scope: 'app', operation: 'read', limit: 10000, windowSec: 15 * 60, note: 'GET /2/users/:id/tweets per app' },
  ],
  publishConcurrency: 4,
  settings: xSettingsSchema,
  endpoints: {
    api: 'https://api.x.com',
    authorize: 'https://x.com/i/oauth2/authorize',
    token: 'https://api.x.com/2/oauth2/token',
  },
  docsUrl: 'https://docs.x.com/x-api/posts/create-post',
};
