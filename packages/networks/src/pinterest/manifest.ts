/**
 * Pinterest through API v5: OAuth 2.0 (Basic client auth on the token endpoint, comma-separated
 * scopes, no PKCE in Pinterest's docs), Pins created with POST /v5/pins from an uploaded image, a
 * carousel of 2–5 images, or a video registered and uploaded through /v5/media. Limits follow
 * developers.pinterest.com/docs/api/v5 (pins-create, media-create) and the v5 OpenAPI description.
 */
import { NO_INBOX } from '../inbox-contract.ts';
import { z } from 'zod';
import { httpUrlSchema } from '@plume/contract/http-url-schema';
import type { NetworkManifest } from '../contract.ts';

const MB = 1024 * 1024;

/** Per-target settings. The board has no default: `validate` reports it missing. */
export const pinterestSettingsSchema = z.object({
  /** The board the Pin goes to (the UI fills the choice from `listBoards`). */
  board_id: z.string().min(1).optional(),
  board_section_id: z.string().min(1).optional(),
  /** Where the Pin leads when clicked; the post's link is used when this is unset. */
  link: httpUrlSchema(2048).optional(),
  /** Placeholder color while the image loads, e.g. `#6E7874`. */
  dominant_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex color such as #6E7874.')
    .optional(),
  /** `upload` sends the image bytes (JPEG/PNG); `url` lets Pinterest fetch the media's public URL. */
  image_source: z.enum(['upload', 'url']).default('upload'),
  /** Video Pins: the cover image; without it Pinterest uses the first frame. */
  cover_image_url: httpUrlSchema().optional(),
});

export type PinterestSettings = z.output<typeof pinterestSettingsSchema>;

/** Pinterest's capabilities and limits. */
export const pinterestManifest: NetworkManifest = {
  id: 'pinterest',
  name: 'Pinterest',
  accountKinds: ['profile'],
  auth: {
    kind: 'oauth2',
    pkce: false,
    scopes: ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read'],
    // Continuous refresh: a refresh answers with a new refresh token; Plume always keeps the newest.
    refresh: 'rotating',
    perInstance: false,
    appCredentials: { clientId: 'PINTEREST_APP_ID', clientSecret: 'PINTEREST_APP_SECRET' },
  },
  // PinCreate: description ≤ 800 and title ≤ 100 characters (the OpenAPI maxLength, counted like String.length).
  text: { limit: 800, count: { kind: 'utf16_units' }, required: false, titleLimit: 100, titleRequired: false },
  media: {
    rules: [
      // Uploaded images go as image_base64, which takes JPEG and PNG.
      { kind: 'image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 20 * MB },
      {
        kind: 'video',
        mimeTypes: ['video/mp4', 'video/quicktime', 'video/x-m4v'],
        // Pinterest allows 2 GB; Plume reads media into memory, so it caps uploads at 1 GB.
        maxBytes: 1024 * MB,
        minDurationSec: 4,
        maxDurationSec: 15 * 60,
      },
    ],
    // One image, one video, or a carousel of 2–5 images (checked in validate/publish).
    maxItems: 5,
    mixedKinds: false,
    required: true,
    altText: { supported: true, maxLength: 500 },
    // Pinterest's API has no field to mark a Pin as AI-generated (it labels from image metadata itself).
    aiLabel: false,
    source: 'upload',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: false,
  link: { supported: true },
  hashtags: { recommendedMax: 5 },
  nativeScheduling: false,
  analytics: {
    post: {
      metrics: ['impressions', 'saves', 'clicks'],
      batchSize: 1,
      // pins:read and user_accounts:read are already asked for at connect.
      scopes: [],
      note: 'Pin analytics over the last 90 days (Pinterest keeps no more): a Pin older than that counts its last 90 days only. Clicks are Pin clicks plus outbound clicks. Pinterest gives no comment or reaction counts here.',
    },
    account: { metrics: ['followers', 'following', 'posts'], scopes: [] },
    recentPosts: { maxPosts: 500, maxAgeDays: 90 },
  },
  inbox: NO_INBOX,
  rateLimits: [
    {
      scope: 'account',
      operation: 'publish',
      limit: 100,
      windowSec: 60,
      note: 'org_write, Standard access (Trial access: 1,000 requests a day per app in all)',
    },
    {
      scope: 'account',
      operation: 'read',
      limit: 1000,
      windowSec: 60,
      note: 'org_read per user, Standard access (Pin analytics, user_account and Pin lists all count here); Pinterest documents no app-wide read cap beyond Trial access',
    },
  ],
  publishConcurrency: 4,
  settings: pinterestSettingsSchema,
  endpoints: {
    api: 'https://api.pinterest.com',
    authorize: 'https://www.pinterest.com/oauth/',
    token: 'https://api.pinterest.com/v5/oauth/token',
  },
  docsUrl: 'https://developers.pinterest.com/docs/api/v5/pins-create',
};
