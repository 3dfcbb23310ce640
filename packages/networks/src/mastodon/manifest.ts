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
    scopes: ['read:accounts', 'write:statuses', 'write:media'],
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
  analytics: { post: null, account: null, recentPosts: null },
  inbox: { comments: false, mentions: false, messages: false },
  rateLimits: [
    {
      scope: 'account',
      operation: 'any',
      limit: 300,
      windowSec: 5 * 60,
      note: 'all API calls per account (server default)',
    },
    { scope: 'account', operation: 'publish', limit: 30, windowSec: 30 * 60, note: 'media uploads per account' },
  ],
  publishConcurrency: 4,
  settings: mastodonSettingsSchema,
  // Every account lives on its own server: the base URL is the account's `instanceUrl`.
  endpoints: {},
  docsUrl: 'https://docs.joinmastodon.org/methods/statuses/',
};
