/**
 * Reads a post's views, likes, replies, reposts, quotes and shares with
 * GET /{threads-media-id}/insights?metric=… (permission `threads_manage_insights`). Threads has no
 * batch lookup: one call per post. A metric missing from `data` stays absent. A post that no longer
 * exists answers Graph error 100/33: `gone`.
 * Docs: developers.facebook.com/docs/threads/insights (media insights)
 */
import { z } from 'zod';
import type { PostMetric, PostMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { threadsGet } from '../client.ts';

/** Plume's names ← the Threads media insights metric names. */
const MEDIA_METRICS: Readonly<Record<string, PostMetric>> = {
  views: 'views',
  likes: 'likes',
  replies: 'replies',
  reposts: 'reposts',
  quotes: 'quotes',
  shares: 'shares',
};

const insightsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      name: z.string(),
      values: z.array(z.looseObject({ value: z.number().optional() })).optional(),
      total_value: z.looseObject({ value: z.number().optional() }).optional(),
    }),
  ),
});

/** The metrics of one post, or undefined when Threads says it does not exist (any more). */
export async function readThreadsMediaInsights(
  context: NetworkContext,
  account: AccountAuth,
  mediaId: string,
): Promise<PostMetricValues | undefined> {
  try {
    const insights = await threadsGet(
      context,
      account.tokens.accessToken,
      `/${encodeURIComponent(mediaId)}/insights`,
      { metric: Object.keys(MEDIA_METRICS).join(',') },
      insightsSchema,
      'read post insights',
    );
    const metrics: PostMetricValues = {};
    for (const entry of insights.data) {
      const name = MEDIA_METRICS[entry.name];
      const value = entry.values?.[0]?.value ?? entry.total_value?.value;
      if (name !== undefined && value !== undefined) metrics[name] = value;
    }
    return metrics;
  } catch (error) {
    if (error instanceof Permanent && error.vendorCode === '100/33') return undefined;
    throw error;
  }
}

export async function getThreadsPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const readings: PostMetricsReading[] = [];
  for (const remoteId of remoteIds) {
    const metrics = await readThreadsMediaInsights(context, account, remoteId);
    readings.push(
      metrics === undefined ? { remoteId, status: 'gone', reason: 'deleted' } : { remoteId, status: 'ok', metrics },
    );
  }
  return readings;
}
