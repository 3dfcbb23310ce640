/**
 * The read side of the fake Facebook Graph API: Page posts with field expansion (reaction and comment
 * summaries, shares, lifetime insights), Graph's multiple-id lookup `GET /?ids=`, a Page's
 * `published_posts` and its follower counts. Insight metrics Meta deprecated answer Graph's
 * "invalid insights metric" error, so an adapter asking for one fails here as it would there.
 *
 * Follows:
 * - https://developers.facebook.com/docs/graph-api/guides/field-expansion/
 * - https://developers.facebook.com/docs/graph-api/reference/insights/
 * - https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics
 * - https://developers.facebook.com/docs/graph-api/reference/page/published_posts/
 */
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';
import { graphError } from './graph-error.ts';

/** The parts of the fake's Page and post records reads need (declared here to keep imports one-way). */
interface FacebookFakePage {
  id: string;
  name: string;
  username: string;
}
interface FacebookFakePost {
  id: string;
  pageId: string;
  kind: string;
  fields: Record<string, unknown>;
}

/** A post by id; a Page video's feed post is also found as `{page-id}_{video-id}`. */
function findPost(state: FacebookReadState, id: string): FacebookFakePost | undefined {
  const direct = state.posts.get(id);
  if (direct !== undefined) return direct;
  const [pageId, videoId] = id.split('_');
  const video = state.posts.get(videoId ?? '');
  return video?.kind === 'video' && video.pageId === pageId ? video : undefined;
}

/** What the fake knows about a post beyond what was published: its counts and insights. */
export interface FacebookFakeStats {
  createdTime: string;
  reactions: number;
  comments: number;
  /** Absent when the post was never shared (Graph then leaves the field out). */
  shares?: number;
  /** Lifetime insight values by metric name; a metric without a value yet is left out. */
  insights: Record<string, number>;
  attachment?: 'photo' | 'video' | 'album' | 'share';
}

export interface FacebookReadState {
  pages: Map<string, FacebookFakePage>;
  posts: Map<string, FacebookFakePost>;
  stats: Map<string, FacebookFakeStats>;
  pageCounts: Map<string, { followers_count?: number; fan_count?: number }>;
}

const VALID_POST_INSIGHTS = new Set([
  'post_media_view',
  'post_total_media_view_unique',
  'post_clicks',
  'post_reactions_by_type_total',
]);

/** The insights a `fields` value asks for, or an error answer for a metric Graph no longer has. */
function requestedInsights(fields: string): { metrics: string[] } | { failure: FakeResponse } {
  const match = /insights\.metric\(([^)]*)\)/.exec(fields);
  if (match === null) return { metrics: [] };
  const metrics = (match[1] ?? '').split(',').filter(Boolean);
  const invalid = metrics.find((metric) => !VALID_POST_INSIGHTS.has(metric));
  if (invalid !== undefined)
    return { failure: graphError(100, '(#100) The value must be a valid insights metric', 400) };
  return { metrics };
}

/** A post as Graph answers it for the requested fields. */
function postBody(
  id: string,
  post: FacebookFakePost,
  stats: FacebookFakeStats | undefined,
  fields: string,
  insights: string[],
): Record<string, unknown> {
  const body: Record<string, unknown> = { id };
  const has = (name: string): boolean => fields.split(',').some((field) => field.startsWith(name));
  if (stats === undefined) return body;
  if (has('created_time')) body['created_time'] = stats.createdTime;
  if (has('message') && typeof post.fields['message'] === 'string') body['message'] = post.fields['message'];
  if (has('permalink_url')) body['permalink_url'] = `https://www.facebook.com/${id}`;
  if (has('attachments') && stats.attachment !== undefined)
    body['attachments'] = {
      data: [{ media_type: stats.attachment === 'share' ? 'link' : stats.attachment, type: stats.attachment }],
    };
  if (has('reactions'))
    body['reactions'] = { data: [], summary: { total_count: stats.reactions, viewer_reaction: 'NONE' } };
  if (has('comments'))
    body['comments'] = { data: [], summary: { order: 'ranked', total_count: stats.comments, can_comment: true } };
  if (has('shares') && stats.shares !== undefined) body['shares'] = { count: stats.shares };
  if (insights.length > 0) {
    body['insights'] = {
      data: insights
        .filter((name) => stats.insights[name] !== undefined)
        .map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: stats.insights[name] }],
          title: name,
          description: name,
          id: `${id}/insights/${name}/lifetime`,
        })),
    };
  }
  return body;
}

function missing(id: string): FakeResponse {
  return graphError(
    100,
    `(#100) Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
    400,
    'GraphMethodException',
    33,
  );
}

/**
 * Answers `GET /{id}` for a post of the token's Page, or for the Page itself (with its counts);
 * undefined when the id is neither, so the caller answers "does not exist".
 */
export function readFacebookObject(
  state: FacebookReadState,
  page: FacebookFakePage,
  request: FakeRequest,
): FakeResponse {
  const id = request.params['id'] ?? '';
  const fields = request.query.get('fields') ?? '';
  const post = findPost(state, id);
  if (post !== undefined) {
    if (post.pageId !== page.id) return missing(id);
    const insights = requestedInsights(fields);
    if ('failure' in insights) return insights.failure;
    return { body: postBody(id, post, state.stats.get(post.id), fields, insights.metrics) };
  }
  if (page.id !== id) return missing(id);
  const counts = state.pageCounts.get(page.id) ?? {};
  return {
    body: {
      id: page.id,
      name: page.name,
      username: page.username,
      link: `https://www.facebook.com/${page.username}`,
      picture: { data: { url: `https://scontent.example/${page.id}.jpg` } },
      ...(fields.includes('followers_count') && counts.followers_count !== undefined
        ? { followers_count: counts.followers_count }
        : {}),
      ...(fields.includes('fan_count') && counts.fan_count !== undefined ? { fan_count: counts.fan_count } : {}),
    },
  };
}

/** Routes for the multiple-id lookup and the Page's published posts. */
export function facebookReadRoutes(
  state: FacebookReadState,
  pageOf: (request: FakeRequest) => FacebookFakePage | undefined,
): FakeRoute[] {
  const badToken = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  return [
    {
      method: 'GET',
      path: '/:v',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
        if (ids.length === 0) return graphError(100, '(#100) Missing ids', 400);
        if (ids.length > 50) return graphError(100, '(#100) Too many IDs. Maximum: 50', 400);
        const unknown = ids.filter((id) => findPost(state, id)?.pageId !== page.id);
        if (unknown.length > 0)
          return graphError(100, `(#100) Some of the aliases you requested do not exist: ${unknown.join(',')}`, 400);
        const fields = request.query.get('fields') ?? '';
        const insights = requestedInsights(fields);
        if ('failure' in insights) return insights.failure;
        const body: Record<string, unknown> = {};
        for (const id of ids) {
          const post = findPost(state, id);
          if (post !== undefined) body[id] = postBody(id, post, state.stats.get(post.id), fields, insights.metrics);
        }
        return { body };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id/published_posts',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        if (page.id !== request.params['id']) return missing(request.params['id'] ?? '');
        const fields = request.query.get('fields') ?? '';
        const insights = requestedInsights(fields);
        if ('failure' in insights) return insights.failure;
        const since = Number(request.query.get('since') ?? '0') * 1000;
        const limit = Math.min(100, Number(request.query.get('limit') ?? '25'));
        const start = Number(request.query.get('after') ?? '0');
        const all = [...state.posts.values()]
          .filter((post) => post.pageId === page.id)
          .map((post) => ({ post, stats: state.stats.get(post.id) }))
          .filter(({ stats }) => stats !== undefined && Date.parse(stats.createdTime.replace('+0000', 'Z')) >= since)
          .sort((a, b) => (b.stats?.createdTime ?? '').localeCompare(a.stats?.createdTime ?? ''));
        const slice = all.slice(start, start + limit);
        const more = start + limit < all.length;
        return {
          body: {
            data: slice.map(({ post, stats }) => postBody(post.id, post, stats, fields, insights.metrics)),
            paging: {
              cursors: { before: String(start), after: String(start + slice.length) },
              ...(more ? { next: 'https://graph.facebook.com/next-page' } : {}),
            },
          },
        };
      },
    },
  ];
}
