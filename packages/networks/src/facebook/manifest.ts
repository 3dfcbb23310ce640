/**
 * Facebook Pages through the Graph API (profiles and groups cannot be posted to by apps).
 * Limits from the Pages API posts guide, the Page photos and videos references and the
 * rate-limiting overview on developers.facebook.com.
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

/** The Graph API version in every URL; v26.0 was released on 29 July 2026 and lasts two years. */
export const FACEBOOK_GRAPH_VERSION = 'v26.0';

/** Facebook posts have no per-target options today; the object keeps the contract's shape. */
export const facebookSettingsSchema = z.object({});

const MB = 1024 * 1024;

/** What Plume can do on a Facebook Page and how Facebook measures it. */
export const facebookManifest: NetworkManifest = {
  id: 'facebook',
  name: 'Facebook',
  accountKinds: ['page'],
  auth: {
    kind: 'oauth2',
    // Facebook's PKCE support belongs to its OIDC flow (still "in testing"); the server-side flow uses the app secret.
    pkce: false,
    scopes: [
      'pages_show_list',
      'pages_read_engagement',
      'pages_manage_posts',
      'business_management',
      // Commenting as the Page (first comment) needs pages_manage_engagement; Page videos need publish_video.
      'pages_manage_engagement',
      'publish_video',
      // Post insights (impressions, reach, clicks) for analytics.
      'read_insights',
      // The inbox: reading visitors' comments, Messenger conversations and answering them.
      'pages_read_user_content',
      'pages_messaging',
    ],
    // Page tokens taken from a long-lived user token do not expire, so there is nothing to refresh.
    refresh: 'none',
    perInstance: false,
    appCredentials: { clientId: 'FACEBOOK_APP_ID', clientSecret: 'FACEBOOK_APP_SECRET' },
  },
  text: { limit: 63_206, count: { kind: 'utf16_units' }, required: false },
  media: {
    rules: [
      {
        kind: 'image',
        mimeTypes: ['image/jpeg', 'image/png', 'image/bmp', 'image/tiff', 'image/webp', 'image/heif'],
        maxBytes: 4 * MB,
      },
      { kind: 'gif', mimeTypes: ['image/gif'], maxBytes: 4 * MB },
      // Non-resumable video uploads (file_url): up to 1 GB and 20 minutes.
      { kind: 'video', mimeTypes: ['video/mp4', 'video/quicktime'], maxBytes: 1024 * MB, maxDurationSec: 20 * 60 },
    ],
    maxItems: 10,
    mixedKinds: false,
    required: false,
    altText: { supported: true },
    aiLabel: false,
    source: 'public_url',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: true,
  link: { supported: true },
  hashtags: { recommendedMax: 3 },
  nativeScheduling: true,
  analytics: {
    post: {
      metrics: ['impressions', 'reach', 'likes', 'replies', 'shares', 'clicks'],
      batchSize: 50,
      scopes: ['read_insights'],
      note: 'Impressions, reach and clicks are lifetime Page insights (Views replaced impressions in 2025); Graph gives them only for Pages with 100 or more likes, and updates them about once a day. Likes are all reactions.',
    },
    account: {
      metrics: ['followers'],
      scopes: [],
      note: 'followers_count, or fan_count where a Page reports no followers; Graph gives no post count.',
    },
    recentPosts: { maxPosts: 500, maxAgeDays: 90 },
  },
  inbox: {
    kinds: ['comment', 'reply', 'message'],
    reply: ['comment', 'reply', 'message'],
    moderation: ['hide', 'delete'],
    delivery: 'push',
    pageSize: 100,
    // One read is a feed call, a comments call per post commented on since, and a conversations call,
    // all against the Page's 4,800-calls-a-day business use case limit.
    minPollSec: 300,
    scopes: ['pages_read_engagement', 'pages_read_user_content', 'pages_manage_engagement', 'pages_messaging'],
    note: "Polling opens posts of the last 28 days only. Messenger answers are allowed within 24 hours of the person's last message (messaging_type RESPONSE); reading and answering messages needs Meta App Review for pages_messaging.",
  },
  rateLimits: [
    {
      scope: 'account',
      operation: 'any',
      limit: 4800,
      windowSec: 86_400,
      note: 'Pages business use case limit: 4,800 calls a day times the Page engaged users; Graph reports usage in X-Business-Use-Case-Usage.',
    },
    {
      scope: 'app',
      operation: 'any',
      limit: 200,
      windowSec: 3600,
      note: 'Platform limit: 200 calls an hour times the app users (error code 4).',
    },
    {
      scope: 'account',
      operation: 'read',
      limit: 4800,
      windowSec: 86_400,
      note: 'Metrics reads count against the same Pages business use case limit as publishing (one call reads up to 50 posts).',
    },
    {
      scope: 'app',
      operation: 'read',
      limit: 200,
      windowSec: 3600,
      note: 'The same platform limit as above: 200 calls an hour times the app users.',
    },
  ],
  publishConcurrency: 4,
  settings: facebookSettingsSchema,
  endpoints: {
    graph: `https://graph.facebook.com/${FACEBOOK_GRAPH_VERSION}`,
    video: `https://graph-video.facebook.com/${FACEBOOK_GRAPH_VERSION}`,
    authorize: `https://www.facebook.com/${FACEBOOK_GRAPH_VERSION}/dialog/oauth`,
  },
  docsUrl: 'https://developers.facebook.com/docs/pages-api/posts',
};
