/**
 * The Threads reads of analytics (developers.facebook.com/docs/threads/insights,
 * …/threads-media):
 * - GET /{media-id}/insights?metric=views,likes,… → `data[]` of `{name, period: lifetime, values: [{value}]}`;
 *   an unknown or deleted post answers Graph error 100/33.
 * - GET /{user-id}/threads_insights?metric=followers_count → `{name, period: day, total_value: {value}}`.
 * - GET /me/threads?fields&since&limit&after → newest first, `paging.cursors` and `paging.next` while more remain.
 */
import type { FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { graphError, invalidToken, isAuthorized } from './responses.ts';
import type { ThreadsFakePost, ThreadsFakeState } from './state.ts';

const MEDIA_METRICS = new Set(['views', 'likes', 'replies', 'reposts', 'quotes', 'shares']);

function notFound(id: string): FakeResponse {
  return graphError(
    100,
    `Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33 },
  );
}

function postJson(state: ThreadsFakeState, post: ThreadsFakePost): Record<string, unknown> {
  const container = state.containers.get(post.containerId);
  const mediaType =
    post.repost === true ? 'REPOST_FACADE' : container?.mediaType === 'TEXT' ? 'TEXT_POST' : container?.mediaType;
  return {
    id: post.id,
    ...(container?.text === undefined ? {} : { text: container.text }),
    timestamp: post.timestamp,
    permalink: `https://www.threads.net/@${state.user.username}/post/${post.shortcode}`,
    media_type: mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : mediaType,
    is_reply: container?.replyToId !== undefined,
  };
}

export function threadsInsightsRoutes(state: ThreadsFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/v1.0/me/threads',
      handler: (request) => {
        if (!isAuthorized(state, request)) return invalidToken;
        const since = Number(request.query.get('since') ?? '0');
        if (since !== 0 && since < 1_688_540_400) return graphError(100, 'Param since must be on or after 1688540400.');
        const limit = Math.min(100, Number(request.query.get('limit') ?? '25'));
        const posts = [...state.posts.values()]
          .filter((post) => Date.parse(post.timestamp) / 1000 >= since)
          .sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.id.localeCompare(a.id));
        const after = request.query.get('after');
        const start = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString());
        const page = posts.slice(start, start + limit);
        const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
        const more = start + limit < posts.length;
        return {
          body: {
            data: page.map((post) => postJson(state, post)),
            paging: {
              cursors: { before: cursor(start), after: cursor(start + page.length) },
              ...(more
                ? { next: `https://graph.threads.net/v1.0/me/threads?after=${cursor(start + page.length)}` }
                : {}),
            },
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/v1.0/:id/insights',
      handler: (request) => {
        if (!isAuthorized(state, request)) return invalidToken;
        const id = request.params['id'] ?? '';
        const post = state.posts.get(id);
        if (post === undefined) return notFound(id);
        const asked = (request.query.get('metric') ?? '').split(',');
        const unknown = asked.find((metric) => !MEDIA_METRICS.has(metric));
        if (unknown !== undefined)
          return graphError(
            100,
            `(#100) metric[0] must be one of the following values: views, likes, replies, reposts, quotes, shares`,
          );
        const values = post.insights ?? Object.fromEntries([...MEDIA_METRICS].map((metric) => [metric, 0]));
        const data = asked
          .filter((metric) => values[metric] !== undefined)
          .map((metric) => ({
            name: metric,
            period: 'lifetime',
            values: [{ value: values[metric] }],
            title: metric,
            description: `The number of ${metric} of your post.`,
            id: `${id}/insights/${metric}/lifetime`,
          }));
        return { body: { data } };
      },
    },
    {
      method: 'GET',
      path: '/v1.0/:userId/threads_insights',
      handler: (request) => {
        if (!isAuthorized(state, request)) return invalidToken;
        const userId = request.params['userId'] ?? '';
        if (userId !== state.user.id && userId !== 'me') return notFound(userId);
        if (request.query.get('metric') !== 'followers_count') return graphError(100, '(#100) Unsupported metric');
        return {
          body: {
            data: [
              {
                name: 'followers_count',
                period: 'day',
                title: 'followers_count',
                description: 'This is your total number of followers on Threads.',
                total_value: { value: state.followers },
                id: `${state.user.id}/insights/followers_count/day`,
              },
            ],
          },
        };
      },
    },
  ];
}
