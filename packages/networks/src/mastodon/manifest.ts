/**
 * Mastodon, on any server: Plume registers itself as an app on each server the first time someone
 * connects an account there (POST /api/v1/apps), then uses OAuth 2.0 with PKCE. Limits are the
 * defaults of a stock Mastodon 4.x server; the server's own limits are read at connect time
 * (GET /api/v2/instance) and kept in the account's metadata. Docs: docs.joinmastodon.org
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

const MB = 1024 * 1024;

/** Per-target settings: who sees the post, the content warning, its language, sensitive media. */
export const mastodonSettingsSchema = z.object({
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']).default('public'),
  /** Content warning shown before the text; empty means none. */
  spoilerText: z.string().max(500).default(''),
  /** ISO 639-1 code, e.g. `en`; empty lets the server guess. */
  language: z.union([z.literal(''), z.string().regex(/^[a-z]{2}$/)]).default(''),
  sensitive: z.boolean().default(false),
});

/** Mastodon's capabilities with a stock server's defaults. */
export const mastodonManifest: NetworkManifest = {
  id: 'mastodon',
  name: 'Mastodon',
  accountKinds: ['profile'],
  auth: {
    kind: 'oauth2',
    pkce: true,
    scopes: ['read:accounts', 'write:statuses', 'write:media', 'read:notifications', 'read:statuses'],
    refresh: 'none',
    perInstance: true,
  },
  // Default `configuration.statuses.max_characters`; URLs count as 23 (`characters_reserved_per_url`).
  text: { limit: 500, count: { kind: 'mastodon' }, required: false },
  media: {
    rules: [
      {
        kind: 'image',
        mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif'],
        maxBytes: 16 * MB,
      },
      { kind: 'gif', mimeTypes: ['image/gif'], maxBytes: 16 * MB },
      {
        kind: 'video',
        mimeTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
        maxBytes: 99 * MB,
        maxWidth: 3840,
        maxHeight: 2160,
      },
    ],
    // Up to 4 images, or one video (checked in validate()).
    maxItems: 4,
    mixedKinds: false,
    required: false,
    altText: { supported: true, maxLength: 1500 },
    aiLabel: false,
    source: 'upload',
  },
  thread: { supported: true, maxParts: 25 },
  firstComment: true,
  link: { supported: true },
  hashtags: { recommendedMax: 5 },
  nativeScheduling: true,
  analytics: {
    post: {
      metrics: ['likes', 'reposts', 'replies', 'quotes'],
      // GET /api/v1/statuses?id[]= (Mastodon 4.3+); older servers are read one status per call.
      batchSize: 20,
      // Public and unlisted posts are read without a token (Mastodon 2.7+); the token goes along only
      // when it holds read:statuses, which Plume's registration does not ask for (see metrics.ts).
      scopes: [],
      note: "Mastodon counts no impressions or views. Plume reads public and unlisted posts; a followers-only post reads as gone. Quotes come from Mastodon 4.5 on; older servers give none. Counts are what the account's own server knows (interactions from other servers arrive as they federate).",
    },
    account: { metrics: ['followers', 'following', 'posts'], scopes: ['read:accounts'] },
    recentPosts: { maxPosts: 500, maxAgeDays: 90 },
    publicPosts: {
      metrics: ['likes', 'reposts', 'replies', 'quotes'],
      maxPosts: 200,
      handleHint: '@name@mastodon.social',
      note: "Read without a token from the account's own server, which has its true counts; replies and boosts are left out. Quotes from Mastodon 4.5 on.",
    },
  },
  // Notifications page 80; each reply read costs a context call against the 300 calls per 5 minutes.
  inbox: {
    kinds: ['comment', 'reply', 'mention', 'message'],
    reply: ['comment', 'reply', 'mention', 'message'],
    moderation: [],
    delivery: 'poll',
    pageSize: 80,
    minPollSec: 120,
    scopes: ['read:notifications', 'read:statuses'],
    note: "Mastodon lets only a server's moderators remove other people's replies: nothing can be hidden or deleted from Plume.",
  },
  rateLimits: [
    {
      scope: 'account',
      operation: 'any',
      limit: 300,
      windowSec: 5 * 60,
      note: 'all API calls per account (server default); analytics reads use at most half of it',
    },
    {
      scope: 'app',
      operation: 'any',
      limit: 7500,
      windowSec: 5 * 60,
      note: 'all API calls per IP address (server default)',
    },
    { scope: 'account', operation: 'publish', limit: 30, windowSec: 30 * 60, note: 'media uploads per account' },
  ],
  publishConcurrency: 4,
  settings: mastodonSettingsSchema,
  // Every account lives on its own server: the base URL is the account's `instanceUrl`.
  endpoints: {},
  docsUrl: 'https://docs.joinmastodon.org/methods/statuses/',
};
