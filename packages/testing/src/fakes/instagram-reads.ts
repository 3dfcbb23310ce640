/**
 * The read side of the fake Instagram API: a media's counts and lifetime insights through field
 * expansion, the account's `/media` list and its follower counts. Deprecated insight metrics
 * (`impressions`, `plays`, `video_views`…) and `saved` on a story answer Graph's code 100, as
 * Instagram does.
 *
 * Follows:
 * - https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 */
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';
import { graphError } from './graph-error.ts';

/** What the fake knows about a published media for reads; set by tests. */
export interface InstagramFakeMediaStats {
  timestamp: string;
  caption?: string;
  productType: 'FEED' | 'REELS' | 'STORY';
  /** Absent when the owner hid like counts. */
  likes?: number;
  comments: number;
  /** Lifetime insights by metric name; a metric without data yet is left out. */
  insights: Record<string, number>;
}

export interface InstagramReadState {
  media: Map<string, { id: string; permalink: string }>;
  stats: Map<string, InstagramFakeMediaStats>;
}

const FEED_METRICS = new Set(['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions']);
const STORY_METRICS = new Set(['views', 'reach', 'replies', 'shares', 'navigation', 'total_interactions']);

/** A media as Instagram answers it for `fields`, or Graph's error for an unsupported metric. */
export function instagramMediaBody(
  media: { id: string; permalink: string },
  stats: InstagramFakeMediaStats | undefined,
  fields: string,
): { body: Record<string, unknown> } | { failure: FakeResponse } {
  const body: Record<string, unknown> = { id: media.id, permalink: media.permalink };
  if (stats === undefined) return { body };
  const asked = new Set(fields.replace(/insights\.metric\([^)]*\)/, 'insights').split(','));
  const match = /insights\.metric\(([^)]*)\)/.exec(fields);
  const metrics = (match?.[1] ?? '').split(',').filter(Boolean);
  const allowed = stats.productType === 'STORY' ? STORY_METRICS : FEED_METRICS;
  const unsupported = metrics.find((metric) => !allowed.has(metric));
  if (unsupported !== undefined) {
    return {
      failure: graphError(
        100,
        `(#100) The Media Insights API does not support the ${unsupported} metric for this media product type.`,
      ),
    };
  }
  if (asked.has('timestamp')) body['timestamp'] = stats.timestamp;
  if (asked.has('caption') && stats.caption !== undefined) body['caption'] = stats.caption;
  if (asked.has('media_type')) body['media_type'] = stats.productType === 'REELS' ? 'VIDEO' : 'IMAGE';
  if (asked.has('media_product_type')) body['media_product_type'] = stats.productType;
  if (asked.has('like_count') && stats.likes !== undefined) body['like_count'] = stats.likes;
  if (asked.has('comments_count')) body['comments_count'] = stats.comments;
  if (metrics.length > 0) {
    body['insights'] = {
      data: metrics
        .filter((name) => stats.insights[name] !== undefined)
        .map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: stats.insights[name] }],
          id: `${media.id}/insights/${name}/lifetime`,
        })),
    };
  }
  return { body };
}

/** `GET /{ig-user-id}/media`: the account's media, newest first, paged with cursors. */
export function instagramMediaListRoute(
  state: InstagramReadState,
  guard: (request: FakeRequest) => FakeResponse | undefined,
): FakeRoute {
  return {
    method: 'GET',
    path: '/:v/:id/media',
    handler: (request) => {
      const failed = guard(request);
      if (failed) return failed;
      const fields = request.query.get('fields') ?? '';
      const since = Number(request.query.get('since') ?? '0') * 1000;
      const limit = Math.min(100, Number(request.query.get('limit') ?? '25'));
      const start = Number(request.query.get('after') ?? '0');
      const all = [...state.media.values()]
        .map((media) => ({ media, stats: state.stats.get(media.id) }))
        .filter(({ stats }) => stats !== undefined && stats.productType !== 'STORY')
        .filter(({ stats }) => Date.parse((stats?.timestamp ?? '').replace('+0000', 'Z')) >= since)
        .sort((a, b) => (b.stats?.timestamp ?? '').localeCompare(a.stats?.timestamp ?? ''));
      const data: Record<string, unknown>[] = [];
      for (const { media, stats } of all.slice(start, start + limit)) {
        const answer = instagramMediaBody(media, stats, fields);
        if ('failure' in answer) return answer.failure;
        data.push(answer.body);
      }
      const more = start + limit < all.length;
      return {
        body: {
          data,
          paging: {
            cursors: { before: String(start), after: String(start + data.length) },
            ...(more ? { next: 'https://graph.instagram.com/next-page' } : {}),
          },
        },
      };
    },
  };
}
