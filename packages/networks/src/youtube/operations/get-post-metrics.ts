/**
 * Reads views, likes and comments with videos.list?part=statistics&id=…, 50 ids a call (1 quota
 * unit each). Counts come as strings; `likeCount` is left out when the owner hides likes and
 * `commentCount` when comments are off: those stay absent. A video missing from `items` was deleted
 * (or its id is wrong): `gone`. Docs: https://developers.google.com/youtube/v3/docs/videos/list
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { chunksOf, pickCounts } from '../../shared/batches.ts';
import { youtubeRead } from '../data-api.ts';

export const YOUTUBE_VIDEOS_PER_CALL = 50;

const statisticsSchema = z.record(z.string(), z.unknown());
const videoListSchema = z.looseObject({
  items: z.array(z.looseObject({ id: z.string(), statistics: statisticsSchema.optional() })).default([]),
});

/** Plume's names ← a video's `statistics`. */
export function metricsOfStatistics(statistics: Readonly<Record<string, unknown>> | undefined): PostMetricValues {
  return pickCounts(statistics ?? {}, { views: 'viewCount', likes: 'likeCount', replies: 'commentCount' });
}

/** Statistics of up to any number of videos, 50 per call, by id. */
export async function readVideoStatistics(
  context: NetworkContext,
  account: AccountAuth,
  ids: readonly string[],
): Promise<Map<string, PostMetricValues>> {
  const found = new Map<string, PostMetricValues>();
  for (const chunk of chunksOf(ids, YOUTUBE_VIDEOS_PER_CALL)) {
    const list = await youtubeRead(context, account, {
      resource: 'videos',
      params: { part: 'statistics', id: chunk.join(','), maxResults: String(YOUTUBE_VIDEOS_PER_CALL) },
      schema: videoListSchema,
      what: 'read video statistics',
    });
    for (const item of list.items) found.set(item.id, metricsOfStatistics(item.statistics));
  }
  return found;
}

export async function getYoutubePostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const found = await readVideoStatistics(context, account, remoteIds);
  return remoteIds.map((remoteId): PostMetricsReading => {
    const metrics = found.get(remoteId);
    return metrics === undefined
      ? { remoteId, status: 'gone', reason: 'deleted' }
      : { remoteId, status: 'ok', metrics };
  });
}
