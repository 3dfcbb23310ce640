/**
 * Google Business Profile local posts ("updates", events, offers) on a business location, through the
 * Business Profile APIs: Account Management and Business Information v1 to find locations, My Business
 * v4 `localPosts` to publish. Summary up to 1,500 characters; one photo that Google fetches from a public
 * URL (JPG or PNG, 10 KB–5 MB, at least 250 px); a call-to-action button carries the link.
 *
 * Docs: https://developers.google.com/my-business/content/posts-data,
 * https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts
 */
import { z } from 'zod';
import { httpUrlSchema } from '@plume/contract/http-url-schema';
import type { NetworkManifest } from '../contract.ts';
import { GOOGLE_APP_CREDENTIALS, GOOGLE_OAUTH_ENDPOINTS } from '../youtube/google-oauth.ts';

export const GOOGLE_BUSINESS_SCOPES = ['https://www.googleapis.com/auth/business.manage'] as const;

/** `2026-12-24` or `2026-12-24T18:30`, in the business's local time (Google stores no zone). */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'use YYYY-MM-DD or YYYY-MM-DDTHH:MM');

export const CALL_TO_ACTION_TYPES = ['LEARN_MORE', 'BOOK', 'ORDER', 'SHOP', 'SIGN_UP', 'CALL'] as const;

/**
 * Per-target settings. `topic_type` picks the post template; EVENT and OFFER need a title and a
 * start and end. The link of the post becomes the button (`call_to_action`, LEARN_MORE by default);
 * CALL needs no link (it dials the location's phone number).
 */
export const googleBusinessSettings = z.object({
  topic_type: z.enum(['STANDARD', 'EVENT', 'OFFER']).default('STANDARD'),
  call_to_action: z.enum(CALL_TO_ACTION_TYPES).optional(),
  event_title: z.string().trim().min(1).optional(),
  event_start: localDateTime.optional(),
  event_end: localDateTime.optional(),
  coupon_code: z.string().trim().min(1).optional(),
  redeem_online_url: httpUrlSchema().optional(),
  terms_conditions: z.string().trim().min(1).optional(),
  /** BCP 47 language of the post, e.g. `en-US`. */
  language_code: z.string().trim().min(2).optional(),
});

export type GoogleBusinessSettings = z.infer<typeof googleBusinessSettings>;

export const google_businessManifest: NetworkManifest = {
  id: 'google_business',
  name: 'Google Business Profile',
  accountKinds: ['location'],
  auth: {
    kind: 'oauth2',
    pkce: true,
    scopes: GOOGLE_BUSINESS_SCOPES,
    refresh: 'reusable',
    perInstance: false,
    appCredentials: GOOGLE_APP_CREDENTIALS,
  },
  // Google counts characters; UTF-16 units never undercount them.
  text: { limit: 1500, count: { kind: 'utf16_units' }, required: false },
  media: {
    rules: [{ kind: 'image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024, minWidth: 250 }],
    maxItems: 1,
    mixedKinds: false,
    required: false,
    altText: { supported: false },
    aiLabel: false,
    source: 'public_url',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: false,
  link: { supported: true },
  hashtags: { recommendedMax: 0 },
  nativeScheduling: false,
  // Nothing to measure honestly: the Business Profile Performance API
  // (locations.fetchMultiDailyMetricsTimeSeries) reports location metrics (profile impressions, calls,
  // website clicks, direction requests), not followers or posts, and local posts have had no metrics
  // since the v4 reportInsights (localPostMetrics) was retired. See docs/analytics.md.
  analytics: { post: null, account: null, recentPosts: null },
  // Reviews, and the business's own answers to them; reviews cannot be hidden or deleted by the business.
  inbox: {
    kinds: ['review', 'reply'],
    reply: ['review'],
    moderation: [],
    delivery: 'poll',
    pageSize: 50,
    minPollSec: 300,
    scopes: [],
    note: 'A review cannot be hidden or deleted by the business, only answered (one answer per review) or reported to Google.',
  },
  rateLimits: [
    {
      scope: 'app',
      operation: 'any',
      limit: 300,
      windowSec: 60,
      note: 'Default 300 queries per minute per Google Cloud project for each Business Profile API; 0 until Google approves API access.',
    },
  ],
  publishConcurrency: 2,
  settings: googleBusinessSettings,
  endpoints: {
    ...GOOGLE_OAUTH_ENDPOINTS,
    accounts: 'https://mybusinessaccountmanagement.googleapis.com/v1',
    businessInformation: 'https://mybusinessbusinessinformation.googleapis.com/v1',
    posts: 'https://mybusiness.googleapis.com/v4',
  },
  docsUrl: 'https://developers.google.com/my-business/content/posts-data',
};
