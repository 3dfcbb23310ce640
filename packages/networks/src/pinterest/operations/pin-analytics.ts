/**
 * Reads one Pin's metrics: `GET /v5/pins/{pin_id}/analytics` (scope pins:read) over the longest
 * range Pinterest allows, the last 90 days up to today (UTC), summed by Pinterest in
 * `summary_metrics`. IMPRESSION → impressions, SAVE → saves, PIN_CLICK + OUTBOUND_CLICK → clicks
 * (clicks to the Pin's close-up and to its link). Pinterest has no batch endpoint for organic Pins
 * generally available (multi-Pin analytics is a beta), so one Pin is one call; a Pin that no longer
 * exists answers 404 and comes back `gone`. For a Pin older than 90 days the numbers cover its last
 * 90 days only.
 * https://developers.pinterest.com/docs/api/v5/pins-analytics
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { callJson } from '../../shared/network-call.ts';
import { authHeader, v5 } from '../client.ts';
import { pinterestFailureMapping } from '../errors.ts';

export const PINTEREST_METRIC_TYPES = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK'] as const;

/** Days back Pinterest keeps Pin analytics (start_date may be at most 90 days ago). */
const RANGE_DAYS = 89;
const NOT_FOUND = 'pin_not_found';

const analyticsSchema = z.looseObject({
  all: z.looseObject({ summary_metrics: z.record(z.string(), z.number().nullable()).default({}) }).optional(),
});

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Pinterest's summary under Plume's names; a metric it leaves out stays absent. */
export function pinterestMetrics(summary: Record<string, number | null>): PostMetricValues {
  const metrics: PostMetricValues = {};
  const value = (name: string): number | undefined => summary[name] ?? undefined;
  const impressions = value('IMPRESSION');
  if (impressions !== undefined) metrics.impressions = impressions;
  const saves = value('SAVE');
  if (saves !== undefined) metrics.saves = saves;
  const pinClicks = value('PIN_CLICK');
  const outbound = value('OUTBOUND_CLICK');
  if (pinClicks !== undefined || outbound !== undefined) metrics.clicks = (pinClicks ?? 0) + (outbound ?? 0);
  return metrics;
}

/** One Pin's reading. */
export async function readPinAnalytics(
  context: NetworkContext,
  account: AccountAuth,
  pinId: string,
): Promise<PostMetricsReading> {
  const today = context.now();
  const start = new Date(today.getTime() - RANGE_DAYS * 86_400_000);
  const query = new URLSearchParams({
    start_date: isoDay(start),
    end_date: isoDay(today),
    metric_types: PINTEREST_METRIC_TYPES.join(','),
    app_types: 'ALL',
  });
  const url = `${v5(context)}/pins/${encodeURIComponent(pinId)}/analytics?${query.toString()}`;
  try {
    const answer = await callJson(
      context.http,
      url,
      { method: 'GET', headers: authHeader(account) },
      {
        ...pinterestFailureMapping,
        describe: (body, status) =>
          status === 404 ? { code: NOT_FOUND, kind: 'permanent' } : pinterestFailureMapping.describe?.(body, status),
        schema: analyticsSchema,
        what: 'read Pin analytics',
      },
    );
    return { remoteId: pinId, status: 'ok', metrics: pinterestMetrics(answer.all?.summary_metrics ?? {}) };
  } catch (error) {
    if (error instanceof Permanent && error.vendorCode === NOT_FOUND) {
      return { remoteId: pinId, status: 'gone', reason: 'not_found' };
    }
    throw error;
  }
}

/** One reading per id, in the order asked (one call each). */
export async function getPinterestPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const readings: PostMetricsReading[] = [];
  for (const pinId of remoteIds) readings.push(await readPinAnalytics(context, account, pinId));
  return readings;
}
