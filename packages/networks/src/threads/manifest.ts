/**
 * Threads (Meta) through the Threads API on graph.threads.net v1.0: OAuth authorization code, then
 * a 60-day long-lived token refreshed in place; posts are media containers published in a second
 * step, and Threads downloads media itself from public URLs. Limits: developers.facebook.com/docs/
 * threads/posts (text, media specifications), …/overview (250 posts and 1,000 replies per 24 hours).
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';
import { THREADS_COUNT, THREADS_TEXT_LIMIT } from './count-threads-text.ts';

const MB = 1024 * 1024;

/** Who may reply; `everyone` sends nothing (Threads' default). */
export const threadsSettingsSchema = z.object({
  replyControl: z
    .enum(['everyone', 'accounts_you_follow', 'mentioned_only', 'parent_post_author_only', 'followers_only'])
    .default('everyone'),
});

/** Threads' capabilities and limits. */
export const threadsManifest: NetworkManifest = {
  id: 'threads',
  name: 'Threads',
  accountKinds: ['profile'],
  auth: {
    kind: 'oauth2',
    // The Threads authorization window takes no PKCE parameters.
    pkce: false,
    // threads_manage_insights: post and follower insights (analytics).
    scopes: [
      'threads_basic',
      'threads_content_publish',
      'threads_manage_replies',
      'threads_read_replies',
      'threads_delete',
      'threads_manage_insights',
    ],
    refresh: 'reusable',
    perInstance: false,
    appCredentials: { clientId: 'THREADS_APP_ID', clientSecret: 'THREADS_APP_SECRET' },
  },
  // Threads counts emojis as their UTF-8 size (count-threads-text.ts).
  text: { limit: THREADS_TEXT_LIMIT, count: THREADS_COUNT, required: false },
  media: {
    rules: [
      {
        kind: 'image',
        mimeTypes: ['image/jpeg', 'image/png'],
        maxBytes: 8 * MB,
        minAspectRatio: 0.1,
        maxAspectRatio: 10,
      },
      {
        kind: 'video',
        mimeTypes: ['video/mp4', 'video/quicktime'],
        maxBytes: 1024 * MB,
        maxDurationSec: 300,
        minAspectRatio: 0.01,
        maxAspectRatio: 10,
        maxWidth: 1920,
      },
    ],
    // One image or video, or a carousel of 2 to 20 mixing both.
    maxItems: 20,
    mixedKinds: true,
    required: false,
    altText: { supported: true },
    aiLabel: false,
    source: 'public_url',
  },
  thread: { supported: true, maxParts: 25 },
  firstComment: true,
  link: { supported: true },
  hashtags: { recommendedMax: 1 },
  nativeScheduling: false,
  analytics: {
    post: {
      metrics: ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'],
      batchSize: 1,
      scopes: ['threads_manage_insights'],
      note: 'No batch endpoint: one insights call per post.',
    },
    account: {
      metrics: ['followers'],
      scopes: ['threads_manage_insights'],
      note: 'Threads gives no following or post count.',
    },
    recentPosts: { maxPosts: 1000, maxAgeDays: 3650 },
  },
  // One list call plus one conversation call per recent thread each read.
  inbox: {
    kinds: ['comment', 'reply'],
    reply: ['comment', 'reply'],
    moderation: ['hide'],
    delivery: 'poll',
    pageSize: 100,
    minPollSec: 300,
    scopes: ['threads_read_replies', 'threads_manage_replies'],
    note: 'Replies to your threads of the last 7 days. Mentions and direct messages are not read; replies can be hidden, not deleted.',
  },
  rateLimits: [
    {
      scope: 'account',
      operation: 'publish',
      limit: 250,
      windowSec: 24 * 60 * 60,
      note: 'API-published posts per profile (carousels count once)',
    },
    { scope: 'account', operation: 'publish', limit: 1000, windowSec: 24 * 60 * 60, note: 'replies per profile' },
    {
      scope: 'account',
      operation: 'read',
      limit: 48_000,
      windowSec: 24 * 60 * 60,
      note: 'All calls per app and profile: 4,800 × the profile’s impressions of the last 24 hours (at least 10).',
    },
  ],
  publishConcurrency: 2,
  settings: threadsSettingsSchema,
  endpoints: { api: 'https://graph.threads.net', authorize: 'https://threads.net/oauth/authorize' },
  docsUrl: 'https://developers.facebook.com/docs/threads/posts',
};
