/**
 * X's read endpoints the metrics operations use:
 * - GET /2/tweets?ids= (1–100 comma-separated ids; ids it cannot return come back in `errors` as
 *   resource-not-found or not-authorized-for-resource problems, with a 200 when some or none are found)
 * - GET /2/users/:id/tweets (max_results 5–100, pagination_token, start_time, exclude; newest first;
 *   `meta.next_token` while more remain)
 * Both answer 400 for a query parameter they do not know, like X does.
 * Docs: docs.x.com/x-api/posts/get-posts-by-ids, docs.x.com/x-api/users/get-posts, data dictionary.
 */
import { threadFields } from './inbox-routes.ts';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { invalidRequest, rateLimitHeaders, unauthorized, userOf } from './responses.ts';
import type { XFakePost, XFakeState } from './state.ts';

const FIELDS_PARAMS = ['tweet.fields', 'expansions', 'media.fields', 'poll.fields', 'place.fields', 'user.fields'];
const LOOKUP_PARAMS = new Set(['ids', ...FIELDS_PARAMS]);
const TIMELINE_PARAMS = new Set([
  'max_results',
  'pagination_token',
  'start_time',
  'end_time',
  'since_id',
  'until_id',
  'exclude',
  ...FIELDS_PARAMS,
]);

function unknownParameter(request: FakeRequest, known: Set<string>): FakeResponse | undefined {
  const unknown = [...request.query.keys()].filter((name) => !known.has(name));
  if (unknown.length === 0) return undefined;
  return invalidRequest(`The query parameters [${unknown.join(',')}] is not one of [${[...known].join(',')}]`);
}

function viewOf(post: XFakePost, fields: Set<string>): Record<string, unknown> {
  const view: Record<string, unknown> = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
  if (fields.has('created_at')) view['created_at'] = post.createdAt;
  if (fields.has('public_metrics'))
    view['public_metrics'] = post.publicMetrics ?? {
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
    };
  if (fields.has('attachments') && post.mediaIds.length > 0)
    view['attachments'] = { media_keys: post.mediaIds.map((id) => `3_${id}`) };
  const urls = [...post.text.matchAll(/https?:\/\/\S+/g)].map((match) => ({ url: match[0], expanded_url: match[0] }));
  if (fields.has('entities') && urls.length > 0) view['entities'] = { urls };
  return view;
}

function problem(id: string, kind: 'resource-not-found' | 'not-authorized-for-resource'): Record<string, unknown> {
  return kind === 'resource-not-found'
    ? {
        value: id,
        detail: `Could not find tweet with ids: [${id}].`,
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: id,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      }
    : {
        value: id,
        detail: `Sorry, you are not authorized to see the Tweet with ids: [${id}].`,
        title: 'Authorization Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: id,
        type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
      };
}

async function lookup(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const bad = unknownParameter(request, LOOKUP_PARAMS);
  if (bad !== undefined) return bad;
  const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length < 1 || ids.length > 100)
    return invalidRequest(`The \`ids\` query parameter value [${ids.length}] is not between 1 and 100`);
  const fields = new Set((request.query.get('tweet.fields') ?? '').split(','));
  const data: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const id of ids) {
    const post = state.posts.get(id);
    if (post === undefined) errors.push(problem(id, 'resource-not-found'));
    else if (post.private === true) errors.push(problem(id, 'not-authorized-for-resource'));
    else data.push({ ...viewOf(post, fields), ...threadFields(state, post, fields) });
  }
  const body = { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) };
  return { status: 200, headers: rateLimitHeaders(5000), body };
}

async function timeline(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const bad = unknownParameter(request, TIMELINE_PARAMS);
  if (bad !== undefined) return bad;
  const max = Number(request.query.get('max_results') ?? '10');
  if (!Number.isInteger(max) || max < 5 || max > 100)
    return invalidRequest(`The \`max_results\` query parameter value [${max}] is not between 5 and 100`);
  const excluded = new Set((request.query.get('exclude') ?? '').split(','));
  const since = request.query.get('start_time');
  const posts = [...state.posts.values()]
    .filter((post) => post.authorId === request.params['id'])
    .filter((post) => !excluded.has('replies') || post.replyTo === undefined)
    .filter((post) => since === null || post.createdAt >= since)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const start = Number(request.query.get('pagination_token') ?? '0');
  const page = posts.slice(start, start + max);
  const fields = new Set((request.query.get('tweet.fields') ?? '').split(','));
  const next = start + max < posts.length ? String(start + max) : undefined;
  const meta = {
    result_count: page.length,
    ...(page.length > 0 ? { newest_id: page[0]?.id, oldest_id: page.at(-1)?.id } : {}),
    ...(next === undefined ? {} : { next_token: next }),
  };
  const body = { ...(page.length > 0 ? { data: page.map((post) => viewOf(post, fields)) } : {}), meta };
  return { status: 200, headers: rateLimitHeaders(900), body };
}

export function xMetricsRoutes(state: XFakeState): FakeRoute[] {
  return [
    { method: 'GET', path: '/2/tweets', handler: (request) => lookup(state, request) },
    { method: 'GET', path: '/2/users/:id/tweets', handler: (request) => timeline(state, request) },
  ];
}
