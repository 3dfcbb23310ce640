/**
 * Bluesky (AT Protocol) through XRPC on the account's PDS: an app password opens a session
 * (com.atproto.server.createSession), images go up with com.atproto.repo.uploadBlob and a post is an
 * `app.bsky.feed.post` record written with com.atproto.repo.createRecord. Limits follow the
 * app.bsky.feed.post and app.bsky.embed.images lexicons and docs.bsky.app (rate limits).
 */
import { z } from 'zod';
import { httpUrlSchema } from '@plume/contract/http-url-schema';
import type { NetworkManifest } from '../contract.ts';

/** app.bsky.feed.post: `text` maxGraphemes 300, maxLength 3000 (UTF-8 bytes). */
export const BLUESKY_TEXT_GRAPHEMES = 300;
export const BLUESKY_TEXT_BYTES = 3000;
/** app.bsky.embed.images: at most 4 images of at most 1,000,000 bytes each. */
export const BLUESKY_MAX_IMAGES = 4;
export const BLUESKY_IMAGE_BYTES = 1_000_000;

/**
 * What the user pastes to connect: a handle (or email/DID), an app password, and their host. Titles
 * and descriptions are the connect form's labels and hints (the web app reads them as JSON Schema).
 */
export const blueskyCredentialsSchema = z.object({
  identifier: z.string().trim().min(1, 'Enter your Bluesky handle, e.g. alice.bsky.social').meta({
    title: 'Handle',
    description: 'Your Bluesky handle, e.g. alice.bsky.social (or the email address you sign in with).',
  }),
  password: z.string().trim().min(1, 'Enter an app password from Bluesky settings').meta({
    title: 'App password',
    description:
      'Not your main password: create an app password in Bluesky under Settings → Privacy and security → App passwords, and paste it here.',
  }),
  service: httpUrlSchema().optional().meta({
    title: 'Server (optional)',
    description:
      'Leave empty for accounts on bsky.social. Only if your account lives on your own PDS, enter its address, e.g. https://pds.example.com.',
  }),
});

/** Per-target settings for Bluesky. */
export const blueskySettingsSchema = z.object({
  /** BCP-47 language of the post (`langs`), e.g. `en`; empty sends none. */
  language: z.string().trim().max(20).optional(),
  /** Builds a link card (`app.bsky.embed.external`) when the post has a link and no images. */
  linkCard: z.boolean().default(true),
});

/** Bluesky's capabilities and limits on bsky.social; self-hosted PDSs follow the same lexicons. */
export const blueskyManifest: NetworkManifest = {
  id: 'bluesky',
  name: 'Bluesky',
  accountKinds: ['profile'],
  auth: { kind: 'credentials', fields: blueskyCredentialsSchema },
  // Also at most 3,000 UTF-8 bytes (validate() checks it with the link Plume may add).
  text: { limit: BLUESKY_TEXT_GRAPHEMES, count: { kind: 'graphemes' }, maxBytes: BLUESKY_TEXT_BYTES, required: false },
  media: {
    rules: [
      { kind: 'image', mimeTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: BLUESKY_IMAGE_BYTES },
      // A GIF is sent as an image blob; Bluesky shows its first frame.
      { kind: 'gif', mimeTypes: ['image/gif'], maxBytes: BLUESKY_IMAGE_BYTES },
    ],
    maxItems: BLUESKY_MAX_IMAGES,
    mixedKinds: true,
    required: false,
    // app.bsky.embed.images#image `alt` has no length limit in the lexicon; the app allows 2,000 graphemes.
    altText: { supported: true, maxLength: 2000 },
    // Bluesky self-labels are content warnings (porn, nudity, graphic-media), not an AI label.
    aiLabel: false,
    source: 'upload',
  },
  thread: { supported: true, maxParts: 25 },
  firstComment: false,
  link: { supported: true },
  hashtags: { recommendedMax: 3 },
  nativeScheduling: false,
  // Counts come from the AppView (the PDS proxies app.bsky.* queries); no impressions or views exist.
  analytics: {
    post: { metrics: ['likes', 'reposts', 'replies', 'quotes'], batchSize: 25, scopes: [] },
    account: { metrics: ['followers', 'following', 'posts'], scopes: [] },
    recentPosts: { maxPosts: 3000, maxAgeDays: 3650 },
    publicPosts: {
      metrics: ['likes', 'reposts', 'replies', 'quotes'],
      maxPosts: 200,
      handleHint: 'alice.bsky.social',
      note: 'Read from the public AppView without signing in; replies and reposts are left out.',
    },
  },
  // listNotifications pages 100; the read shares the AppView's 3,000 requests per 5 minutes per IP.
  inbox: {
    kinds: ['comment', 'reply', 'mention'],
    reply: ['comment', 'reply', 'mention'],
    moderation: ['hide'],
    delivery: 'poll',
    pageSize: 100,
    minPollSec: 60,
    scopes: [],
    note: 'Direct messages (Bluesky chat) are not read. Replies can be hidden only in threads that start with one of your posts.',
  },
  rateLimits: [
    {
      scope: 'account',
      operation: 'publish',
      limit: 1666,
      windowSec: 60 * 60,
      note: '5,000 points per hour per DID; a create costs 3',
    },
    {
      scope: 'account',
      operation: 'publish',
      limit: 11666,
      windowSec: 24 * 60 * 60,
      note: '35,000 points per day per DID',
    },
    {
      scope: 'account',
      operation: 'any',
      limit: 30,
      windowSec: 5 * 60,
      note: 'createSession per handle (300 per day)',
    },
    { scope: 'app', operation: 'any', limit: 3000, windowSec: 5 * 60, note: 'all requests from one IP address' },
    {
      scope: 'app',
      operation: 'read',
      limit: 3000,
      windowSec: 5 * 60,
      note: 'reads share the 3,000 per 5 minutes per IP; getPosts reads 25 posts a call',
    },
  ],
  publishConcurrency: 4,
  settings: blueskySettingsSchema,
  endpoints: {
    /** Where sessions start when the user names no host; calls then go to the account's own PDS. */
    api: 'https://bsky.social',
    /** The public AppView: other accounts' profiles and feeds, without signing in (competitors). */
    appView: 'https://public.api.bsky.app',
    /** Public web app, for post and profile links. */
    web: 'https://bsky.app',
  },
  docsUrl: 'https://docs.bsky.app/docs/advanced-guides/posts',
};
