/**
 * Reddit's read listings (https://www.reddit.com/dev/api):
 * - `GET /api/info?id=t3_a,t3_b` (scope read; at most 100 fullnames): a Listing of the things found.
 *   A post its author deleted still comes back, with author and selftext `[deleted]` and
 *   `removed_by_category: "deleted"`; one moderators removed with `[removed]` and `"moderator"`.
 * - `GET /user/{name}/submitted` (scope history; `limit` ≤ 100, `after`, `sort=new`): newest first.
 */
import type { FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { authorize, type FakeRedditPost, type RedditFakeState } from './reddit-api-routes.ts';
import { commentInfo } from './reddit-inbox-routes.ts';

function thing(post: FakeRedditPost): unknown {
  const removed = post.deleted ? 'deleted' : post.removedByModerator === true ? 'moderator' : null;
  const slug = post.title.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return {
    kind: 't3',
    data: {
      id: post.id,
      name: post.name,
      subreddit: post.subreddit,
      author: post.deleted ? '[deleted]' : 'plume_tester',
      title: post.title,
      selftext: post.deleted ? '[deleted]' : removed === 'moderator' ? '[removed]' : (post.text ?? ''),
      is_self: post.kind === 'self',
      url: post.kind === 'self' ? `https://www.reddit.com/r/${post.subreddit}/comments/${post.id}/${slug}/` : post.url,
      permalink: `/r/${post.subreddit}/comments/${post.id}/${slug}/`,
      created_utc: post.createdUtc,
      score: post.score,
      upvote_ratio: 1,
      num_comments: post.comments.filter((comment) => !comment.deleted).length,
      removed_by_category: removed,
      view_count: null,
    },
  };
}

function listing(children: unknown[], after: string | null): FakeResponse {
  return { body: { kind: 'Listing', data: { after, dist: children.length, before: null, children } } };
}

export function redditListingRoutes(state: RedditFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/info',
      handler: (request) => {
        const denied = authorize(state, request, 'read');
        if (denied !== undefined) return denied;
        const names = (request.query.get('id') ?? '').split(',').filter((name) => name !== '');
        if (names.length > 100) return { status: 400, body: { message: 'Bad Request', error: 400 } };
        const found = names.flatMap((name) => {
          const post = state.posts.get(name);
          const comment = state.things.get(name);
          if (comment !== undefined && name.startsWith('t1_')) return [commentInfo(comment)];
          return post === undefined ? [] : [thing(post)];
        });
        return listing(found, null);
      },
    },
    {
      method: 'GET',
      path: '/user/:name/submitted',
      handler: (request) => {
        const denied = authorize(state, request, 'history');
        if (denied !== undefined) return denied;
        const limit = Math.min(100, Number(request.query.get('limit') ?? '25'));
        const own = [...state.posts.values()]
          .filter((post) => request.params['name'] === state.user.name && !post.deleted)
          .sort((a, b) => b.createdUtc - a.createdUtc);
        const after = request.query.get('after');
        const start = after === null ? 0 : own.findIndex((post) => post.name === after) + 1;
        const page = own.slice(start, start + limit);
        const more = start + limit < own.length;
        return listing(page.map(thing), more ? (page.at(-1)?.name ?? null) : null);
      },
    },
  ];
}
