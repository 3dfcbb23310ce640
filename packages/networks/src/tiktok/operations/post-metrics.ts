/**
 * Reads up to 20 of the creator's videos in one call: `POST /v2/video/query/` with
 * `filters.video_ids` (scope video.list). TikTok answers only the videos that exist and belong to the
 * user; an id it leaves out (deleted, made private to others, or a `publish_id` that never became a
 * public post) comes back `gone`.
 * https://developers.tiktok.com/doc/tiktok-api-v2-video-query
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { tiktokRequest } from '../client.ts';
import { TIKTOK_VIDEO_FIELDS, tiktokVideoMetrics, tiktokVideoSchema } from './video-fields.ts';

/** TikTok's cap on ids in one video query. */
export const TIKTOK_METRICS_BATCH = 20;

const querySchema = z.looseObject({ videos: z.array(tiktokVideoSchema).default([]) });

/** One reading per id, in the order asked. */
export async function getTikTokPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  if (remoteIds.length === 0) return [];
  const data = await tiktokRequest(context, account, {
    method: 'POST',
    path: '/v2/video/query/',
    query: { fields: TIKTOK_VIDEO_FIELDS },
    body: { filters: { video_ids: remoteIds } },
    data: querySchema,
    what: 'read video metrics',
    creates: false,
  });
  const byId = new Map(data.videos.map((video) => [video.id, video]));
  return remoteIds.map((remoteId) => {
    const video = byId.get(remoteId);
    if (video === undefined) return { remoteId, status: 'gone', reason: 'not_found' };
    return { remoteId, status: 'ok', metrics: tiktokVideoMetrics(video) };
  });
}
