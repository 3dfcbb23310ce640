/**
 * TikTok's Display API video reads in the fake: `POST /v2/video/query/` (up to 20 of the user's own
 * video ids; ids that are not theirs or no longer exist are left out of `videos`) and
 * `POST /v2/video/list/` (newest first, 20 a page, `cursor` = create time in ms of the last one).
 * Both need the video.list scope. Follows developers.tiktok.com/doc/tiktok-api-v2-video-query,
 * tiktok-api-v2-video-list and tiktok-api-v2-video-object.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { authorizeTikTok } from './tiktok-post-routes.ts';
import { apiError, ok, type TikTokFakeState, type TikTokFakeVideo } from './tiktok-state.ts';

/** The video with only the requested fields, counts as TikTok sends them. */
function videoBody(video: TikTokFakeVideo, fields: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: video.id,
    create_time: video.createTime,
    video_description: video.description,
    title: video.description.slice(0, 150),
    share_url: `https://www.tiktok.com/@plume.creator/video/${video.id}`,
    ...video.counts,
  };
  return Object.fromEntries(fields.filter((field) => field in all).map((field) => [field, all[field]]));
}

function fieldsOf(request: FakeRequest): string[] | FakeResponse {
  const fields = (request.query.get('fields') ?? '').split(',').filter(Boolean);
  return fields.length === 0 ? apiError(400, 'invalid_params', 'fields is required') : fields;
}

function query(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  const denied = authorizeTikTok(state, request, 'video.list');
  if (denied !== undefined) return denied;
  const fields = fieldsOf(request);
  if (!Array.isArray(fields)) return fields;
  const body = (request.body ?? {}) as { filters?: { video_ids?: unknown } };
  const ids = body.filters?.video_ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 20) {
    return apiError(400, 'invalid_params', 'filters.video_ids must hold 1 to 20 ids');
  }
  const videos = ids
    .map((id) => state.videos.get(String(id)))
    .filter((video): video is TikTokFakeVideo => video !== undefined)
    .map((video) => videoBody(video, fields));
  return ok({ videos, cursor: 0, has_more: false });
}

function list(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  const denied = authorizeTikTok(state, request, 'video.list');
  if (denied !== undefined) return denied;
  const fields = fieldsOf(request);
  if (!Array.isArray(fields)) return fields;
  const body = (request.body ?? {}) as { cursor?: unknown; max_count?: unknown };
  const max = typeof body.max_count === 'number' ? body.max_count : 10;
  if (max < 1 || max > 20) return apiError(400, 'invalid_params', 'max_count must be 1 to 20');
  const before = typeof body.cursor === 'number' ? body.cursor : Number.POSITIVE_INFINITY;
  const all = [...state.videos.values()]
    .filter((video) => video.createTime * 1000 < before)
    .sort((a, b) => b.createTime - a.createTime);
  const page = all.slice(0, max);
  const last = page.at(-1);
  return ok({
    videos: page.map((video) => videoBody(video, fields)),
    cursor: last === undefined ? 0 : last.createTime * 1000,
    has_more: all.length > max,
  });
}

export function tiktokReadRoutes(state: TikTokFakeState): FakeRoute[] {
  return [
    { method: 'POST', path: '/v2/video/query', handler: (request) => query(state, request) },
    { method: 'POST', path: '/v2/video/list', handler: (request) => list(state, request) },
  ];
}
