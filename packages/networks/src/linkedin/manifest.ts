/**
 * LinkedIn: members (personal profiles) and organization pages, through the versioned Posts API.
 * Limits come from the Posts, Images, Videos and MultiImage API pages of the Community Management docs
 * (learn.microsoft.com/linkedin/marketing/community-management/shares/*).
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

/**
 * The `LinkedIn-Version` header (YYYYMM) every `/rest` call sends. LinkedIn supports each monthly
 * version for at least a year, then answers 426; move this forward when a version nears its sunset
 * (learn.microsoft.com/linkedin/marketing/integrations/migrations).
 */
export const LINKEDIN_API_VERSION = '202607';

/** Per-target settings: who sees the post, and whether others may reshare it. */
export const linkedinSettingsSchema = z.object({
  /** `CONNECTIONS` works for members only; organization pages always post publicly. */
  visibility: z.enum(['PUBLIC', 'CONNECTIONS']).default('PUBLIC'),
  disableReshare: z.boolean().default(false),
});

export type LinkedInSettings = z.infer<typeof linkedinSettingsSchema>;

const MB = 1024 * 1024;

/** What Plume can do on LinkedIn and how LinkedIn measures it. */
export const linkedinManifest: NetworkManifest = {
  id: 'linkedin',
  name: 'LinkedIn',
  accountKinds: ['profile', 'organization'],
  auth: {
    kind: 'oauth2',
    // LinkedIn offers PKCE only to approved native apps on loopback redirects; web apps use the secret.
    pkce: false,
    scopes: [
      'openid',
      'profile',
      'w_member_social',
      'r_organization_admin',
      'w_organization_social',
      'rw_organization_admin',
      // The inbox: reading a page's posts and the comments on them.
      'r_organization_social',
    ],
    // Refreshing returns a new access token; the refresh token stays the same until it expires (365 days).
    refresh: 'reusable',
    perInstance: false,
    appCredentials: { clientId: 'LINKEDIN_CLIENT_ID', clientSecret: 'LINKEDIN_CLIENT_SECRET' },
  },
  text: { limit: 3000, count: { kind: 'utf16_units' }, required: false },
  media: {
    rules: [
      // The Images API limits pixels (under 36,152,320), not bytes; the byte cap here is a practical guard.
      { kind: 'image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 20 * MB },
      { kind: 'gif', mimeTypes: ['image/gif'], maxBytes: 20 * MB },
      {
        kind: 'video',
        mimeTypes: ['video/mp4'],
        maxBytes: 500 * MB,
        minDurationSec: 3,
        maxDurationSec: 30 * 60,
        minAspectRatio: 1 / 2.4,
        maxAspectRatio: 2.4,
      },
    ],
    // MultiImage posts take 2 to 20 images; a video post takes exactly one video.
    maxItems: 20,
    mixedKinds: false,
    required: false,
    altText: { supported: true, maxLength: 4086 },
    aiLabel: false,
    source: 'upload',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: true,
  link: { supported: true },
  hashtags: { recommendedMax: 5 },
  nativeScheduling: false,
  analytics: {
    post: {
      metrics: ['impressions', 'reach', 'likes', 'replies', 'reposts', 'clicks'],
      batchSize: 20,
      // Organization posts need rw_organization_admin (asked at connect). Member posts need
      // r_member_postAnalytics, which only apps approved for the Community Management API may ask for.
      scopes: ['r_member_postAnalytics'],
      note: 'Organization pages: lifetime organic share statistics, 20 posts a call. Member profiles: impressions, reach, reposts, likes and replies through member post analytics (five calls a post, no clicks), only where the app is allowed r_member_postAnalytics.',
    },
    account: {
      metrics: ['followers'],
      scopes: [],
      note: 'Organization pages only (networkSizes); LinkedIn gives ordinary apps no follower count of a member profile.',
    },
    // Listing an organization's own posts needs r_organization_social (asked for the inbox); backfill is not built yet.
    recentPosts: null,
  },
  // A read lists the page's posts of 30 days and each one's comments: one read a minute at most, with room.
  inbox: {
    kinds: ['comment', 'reply'],
    reply: ['comment', 'reply'],
    moderation: ['delete'],
    delivery: 'poll',
    pageSize: 100,
    minPollSec: 300,
    scopes: ['r_organization_social', 'w_organization_social'],
    note: 'Organization pages only: comments on member posts need r_member_social, which LinkedIn grants to no ordinary app. Commenters are named by their LinkedIn id only; LinkedIn gives apps no member names.',
  },
  rateLimits: [
    {
      scope: 'account',
      operation: 'publish',
      limit: 150,
      windowSec: 86_400,
      note: 'Share on LinkedIn: 150 posts a day per member; resets at midnight UTC.',
    },
    {
      scope: 'app',
      operation: 'any',
      limit: 100_000,
      windowSec: 86_400,
      note: 'Per-app daily limits are shown in the developer portal (Analytics tab); they reset at midnight UTC.',
    },
    {
      scope: 'app',
      operation: 'read',
      limit: 100_000,
      windowSec: 86_400,
      note: 'Statistics reads count against the same per-app daily limits (per endpoint, shown only in the developer portal); member-level daily limits are not published, LinkedIn answers 429 with "MEMBER DAY limit".',
    },
  ],
  publishConcurrency: 4,
  settings: linkedinSettingsSchema,
  endpoints: {
    api: 'https://api.linkedin.com',
    authorize: 'https://www.linkedin.com/oauth/v2/authorization',
    token: 'https://www.linkedin.com/oauth/v2/accessToken',
  },
  docsUrl: 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api',
};
