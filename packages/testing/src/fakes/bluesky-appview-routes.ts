/**
 * The AppView queries of the fake Bluesky PDS (a real PDS proxies `app.bsky.*` to the AppView):
 * - docs.bsky.app/docs/api/app-bsky-feed-get-posts (`uris` repeated, at most 25; missing posts are
 *   left out of `posts`)
 * - docs.bsky.app/docs/api/app-bsky-actor-get-profile (followersCount, followsCount, postsCount)
 * - docs.bsky.app/docs/api/app-bsky-feed-get-author-feed (limit 1–100, cursor, filter, reasonRepost)
 * Counts are optional in the lexicon: a post's `counts` entry lists exactly the ones the answer carries.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';

export type FakeBlueskyCounts = Partial<Record<'likeCount' | 'repostCount' | 'replyCount' | 'quoteCount', number>>;

export interface FakeBlueskyAppViewState {
  /** Counts per post URI; a post without an entry answers all four counts as 0. */
  counts: Map<string, FakeBlueskyCounts>;
  /** Profile counts per DID; absent keys are left out of getProfile. */
  profiles: Map<string, Partial<Record<'followersCount' | 'followsCount' | 'postsCount', number>>>;
  /** Other authors' posts the account reposted: they show in its author feed with reasonRepost. */
  reposts: { uri: string; authorDid: string; text: string; createdAt: string }[];
}

export interface AppViewDeps {
  state: FakeBlueskyAppViewState;
  /** The account's posts (`app.bsky.feed.post` records) with their URIs, cids and values. */
  posts: () => { uri: string; cid: string; value: Record<string, unknown> }[];
  authorize: (request: FakeRequest) => { did: string } | FakeResponse;
  handleOf: (did: string) => string;
}

function invalid(message: string): FakeResponse {
  return { status: 400, body: { error: 'InvalidRequest', message } };
}

function createdAtOf(value: Record<string, unknown>): string {
  const createdAt = value['createdAt'];
  return typeof createdAt === 'string' ? createdAt : new Date(0).toISOString();
}

function postView(deps: AppViewDeps, post: { uri: string; cid: string; value: Record<string, unknown> }): unknown {
  const did = post.uri.slice('at://'.length).split('/')[0] ?? '';
  const counts = deps.state.counts.get(post.uri) ?? { likeCount: 0, repostCount: 0, replyCount: 0, quoteCount: 0 };
  return {
    uri: post.uri,
    cid: post.cid,
    author: { did, handle: deps.handleOf(did) },
    record: post.value,
    ...counts,
    indexedAt: createdAtOf(post.value),
  };
}

export function blueskyAppViewRoutes(deps: AppViewDeps): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/xrpc/app.bsky.feed.getPosts',
      handler: (request) => {
        const auth = deps.authorize(request);
        if (!('did' in auth)) return auth;
        const uris = request.query.getAll('uris');
        if (uris.length > 25) return invalid('Error: uris must not have more than 25 elements');
        const byUri = new Map(deps.posts().map((post) => [post.uri, post]));
        const found = uris.flatMap((uri) => {
          const post = byUri.get(uri);
          return post === undefined ? [] : [postView(deps, post)];
        });
        return { body: { posts: found } };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/app.bsky.actor.getProfile',
      handler: (request) => {
        const auth = deps.authorize(request);
        if (!('did' in auth)) return auth;
        const actor = request.query.get('actor') ?? '';
        const counts = deps.state.profiles.get(actor) ?? {};
        return { body: { did: actor, handle: deps.handleOf(actor), ...counts } };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/app.bsky.feed.getAuthorFeed',
      handler: (request) => {
        const auth = deps.authorize(request);
        if (!('did' in auth)) return auth;
        const actor = request.query.get('actor') ?? '';
        const limit = Number(request.query.get('limit') ?? '50');
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid('limit must be between 1 and 100');
        const own = deps
          .posts()
          .filter((post) => post.uri.startsWith(`at://${actor}/`))
          .filter((post) => request.query.get('filter') !== 'posts_no_replies' || post.value['reply'] === undefined)
          .map((post) => ({ at: createdAtOf(post.value), item: { post: postView(deps, post) } }));
        const reposted = deps.state.reposts.map((repost) => ({
          at: repost.createdAt,
          item: {
            post: postView(deps, {
              uri: repost.uri,
              cid: 'bafyreirepost',
              value: { $type: 'app.bsky.feed.post', text: repost.text, createdAt: repost.createdAt },
            }),
            reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: { did: actor }, indexedAt: repost.createdAt },
          },
        }));
        const feed = [...own, ...reposted].sort((a, b) => b.at.localeCompare(a.at)).map((entry) => entry.item);
        const start = Number(request.query.get('cursor') ?? '0');
        const page = feed.slice(start, start + limit);
        const next = start + limit < feed.length ? String(start + limit) : undefined;
        return { body: { feed: page, ...(next === undefined ? {} : { cursor: next }) } };
      },
    },
  ];
}
