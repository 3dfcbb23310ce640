/**
 * The AppView queries of the fake Bluesky PDS (a real PDS proxies `app.bsky.*` to the AppView):
 * - docs.bsky.app/docs/api/app-bsky-feed-get-posts (`uris` repeated, at most 25; missing posts are
 *   left out of `posts`)
 * - docs.bsky.app/docs/api/app-bsky-actor-get-profile (followersCount, followsCount, postsCount)
 * - docs.bsky.app/docs/api/app-bsky-feed-get-author-feed (limit 1–100, cursor, filter, reasonRepost)
 * Counts are optional in the lexicon: a post's `counts` entry lists exactly the ones the answer carries.
 * getProfile and getAuthorFeed also answer without a token, as the public AppView
 * (public.api.bsky.app) does, for the other accounts in `authors` (competitors); an actor it does not
 * know is 400 `InvalidRequest` "Profile not found", as the AppView answers.
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
  /** Other accounts with public posts, readable without signing in. */
  authors: FakeBlueskyAuthor[];
}

/** A public account that is not the signed-in one: its profile and its posts (any order). */
export interface FakeBlueskyAuthor {
  did: string;
  handle: string;
  displayName?: string;
  followersCount?: number;
  posts: {
    rkey: string;
    /** The app.bsky.feed.post record: text, createdAt, facets, embed, reply… */
    record: Record<string, unknown>;
    counts?: FakeBlueskyCounts;
    /** The AppView's rendered embed (`app.bsky.embed.images#view`…), when the post has one. */
    embed?: Record<string, unknown>;
    pinned?: boolean;
  }[];
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

function profileNotFound(): FakeResponse {
  return { status: 400, body: { error: 'InvalidRequest', message: 'Profile not found' } };
}

/** Without a token the request is public; a token that is sent must be valid. */
function optionalAuth(deps: AppViewDeps, request: FakeRequest): { did: string } | FakeResponse | undefined {
  return request.bearer === undefined ? undefined : deps.authorize(request);
}

function authorOf(deps: AppViewDeps, actor: string): FakeBlueskyAuthor | undefined {
  return deps.state.authors.find((author) => author.did === actor || author.handle === actor);
}

/** A public author's feed, newest first, pinned posts on top (`reasonPin`), as the AppView orders it. */
function authorFeed(author: FakeBlueskyAuthor, filter: string | null): unknown[] {
  const items = author.posts
    .filter((post) => filter !== 'posts_no_replies' || post.record['reply'] === undefined)
    .map((post) => {
      const uri = `at://${author.did}/app.bsky.feed.post/${post.rkey}`;
      const view = {
        uri,
        cid: `bafyrei${post.rkey}`,
        author: { did: author.did, handle: author.handle },
        record: { $type: 'app.bsky.feed.post', ...post.record },
        ...(post.embed === undefined ? {} : { embed: post.embed }),
        ...(post.counts ?? { likeCount: 0, repostCount: 0, replyCount: 0, quoteCount: 0 }),
        indexedAt: createdAtOf(post.record),
      };
      return { pinned: post.pinned === true, at: createdAtOf(post.record), view };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
  const pinned = items
    .filter((item) => item.pinned)
    .map((item) => ({ post: item.view, reason: { $type: 'app.bsky.feed.defs#reasonPin' } }));
  return [...pinned, ...items.map((item) => ({ post: item.view }))];
}

function page(feed: readonly unknown[], request: FakeRequest, limit: number): FakeResponse {
  const start = Number(request.query.get('cursor') ?? '0');
  const slice = feed.slice(start, start + limit);
  const next = start + limit < feed.length ? String(start + limit) : undefined;
  return { body: { feed: slice, ...(next === undefined ? {} : { cursor: next }) } };
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
        const auth = optionalAuth(deps, request);
        if (auth !== undefined && !('did' in auth)) return auth;
        const actor = request.query.get('actor') ?? '';
        const author = authorOf(deps, actor);
        if (author !== undefined) {
          const { did, handle, displayName, followersCount } = author;
          return { body: { did, handle, displayName, followersCount, postsCount: author.posts.length } };
        }
        if (auth === undefined) return profileNotFound();
        const counts = deps.state.profiles.get(actor) ?? {};
        return { body: { did: actor, handle: deps.handleOf(actor), ...counts } };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/app.bsky.feed.getAuthorFeed',
      handler: (request) => {
        const auth = optionalAuth(deps, request);
        if (auth !== undefined && !('did' in auth)) return auth;
        const actor = request.query.get('actor') ?? '';
        const limit = Number(request.query.get('limit') ?? '50');
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid('limit must be between 1 and 100');
        const author = authorOf(deps, actor);
        if (author !== undefined) return page(authorFeed(author, request.query.get('filter')), request, limit);
        if (auth === undefined) return profileNotFound();
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
        return page(feed, request, limit);
      },
    },
  ];
}
