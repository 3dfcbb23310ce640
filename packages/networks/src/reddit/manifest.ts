/**
 * Reddit: text (self) and link posts to a subreddit, with an optional first comment. A title is
 * required (≤ 300 characters); self-post bodies are Markdown up to 40,000 characters. Image posts use an
 * upload flow Reddit does not document (a media-asset lease, then the post URL arrives over a
 * websocket), so Plume does not post media to Reddit.
 *
 * Docs: https://www.reddit.com/dev/api#POST_api_submit, https://github.com/reddit-archive/reddit/wiki/OAuth2,
 * https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

/** As asked, plus `edit`: `/api/del` is in the edit scope, so without it Plume could not delete its posts. */
/** `read` also reads post scores (/api/info); `history` lists the account's own posts for backfill. */
/** The inbox: `privatemessages` reads /message/inbox and answers messages; `modposts` removes comments as a moderator. */
export const REDDIT_INBOX_SCOPES = ['privatemessages', 'modposts'] as const;
export const REDDIT_SCOPES = [
  'identity',
  'submit',
  'read',
  'flair',
  'edit',
  'history',
  ...REDDIT_INBOX_SCOPES,
] as const;

export const TITLE_MAX_CHARS = 300;
export const SELF_TEXT_MAX_CHARS = 40_000;

/**
 * Per-target settings. `subreddit` has no default but every post needs one (validate says so).
 * `kind`: `self` posts the text (and appends the post's link to it); `link` posts the link, whose
 * page shows no body, so only the title travels with it.
 */
export const redditSettings = z.object({
  subreddit: z.string().trim().optional(),
  kind: z.enum(['self', 'link']).default('self'),
  flair_id: z.string().trim().min(1).optional(),
  flair_text: z.string().trim().min(1).max(64).optional(),
  nsfw: z.boolean().default(false),
  spoiler: z.boolean().default(false),
  /** Send comment replies to the author's inbox. */
  send_replies: z.boolean().default(true),
});

export type RedditSettings = z.infer<typeof redditSettings>;

export const redditManifest: NetworkManifest = {
  id: 'reddit',
  name: 'Reddit',
  accountKinds: ['profile'],
  auth: {
    kind: 'oauth2',
    // Reddit's authorization server has no PKCE; the client secret (HTTP Basic) protects the code.
    pkce: false,
    scopes: REDDIT_SCOPES,
    refresh: 'reusable',
    perInstance: false,
    appCredentials: { clientId: 'REDDIT_CLIENT_ID', clientSecret: 'REDDIT_CLIENT_SECRET' },
  },
  // Reddit counts characters (code points); UTF-16 units never undercount them.
  text: {
    limit: SELF_TEXT_MAX_CHARS,
    count: { kind: 'utf16_units' },
    required: false,
    titleLimit: TITLE_MAX_CHARS,
    titleRequired: true,
  },
  media: {
    rules: [],
    maxItems: 0,
    mixedKinds: false,
    required: false,
    altText: { supported: false },
    aiLabel: false,
    source: 'upload',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: true,
  link: { supported: true },
  hashtags: { recommendedMax: 0 },
  nativeScheduling: false,
  // No account metrics: /api/v1/me gives karma, and the API documents no follower count for users.
  analytics: {
    post: {
      metrics: ['score', 'replies'],
      batchSize: 100,
      scopes: [],
      note: 'Reddit gives the score (upvotes minus downvotes) and comments; no views, likes or shares.',
    },
    account: null,
    recentPosts: { maxPosts: 1000, maxAgeDays: 3650 },
  },
  // One read is 1–10 inbox pages plus a parent lookup: every 2 minutes keeps many accounts under 100 a minute.
  inbox: {
    kinds: ['comment', 'reply', 'mention', 'message'],
    reply: ['comment', 'reply', 'mention', 'message'],
    moderation: ['hide'],
    delivery: 'poll',
    pageSize: 100,
    minPollSec: 120,
    scopes: REDDIT_INBOX_SCOPES,
    note: 'Hiding a comment is a moderator removal: Reddit allows it only in subreddits the account moderates (its own profile included). Reddit cannot delete other people’s comments.',
  },
  rateLimits: [
    {
      scope: 'app',
      operation: 'any',
      limit: 100,
      windowSec: 60,
      note: '100 queries a minute per OAuth client id, averaged over 10 minutes; see X-Ratelimit-* headers.',
    },
    {
      scope: 'app',
      operation: 'read',
      limit: 100,
      windowSec: 60,
      note: 'Reads share the 100 queries a minute; /api/info reads 100 posts a call.',
    },
  ],
  publishConcurrency: 1,
  settings: redditSettings,
  endpoints: {
    authorize: 'https://www.reddit.com/api/v1/authorize',
    token: 'https://www.reddit.com/api/v1/access_token',
    api: 'https://oauth.reddit.com',
    web: 'https://www.reddit.com',
  },
  docsUrl: 'https://www.reddit.com/dev/api',
};
