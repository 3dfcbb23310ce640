import { sql, type SQL } from 'drizzle-orm';
import { previousPeriod, shiftDate } from '@plume/contract/analytics/analytics-query';
import type { NetworkMetrics } from '@plume/contract/analytics/analytics-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';

/** Which workspace, on which clock, over which days (both included): what every analytics query reads. */
export type AnalyticsScope = { workspaceId: string; timezone: string; from: string; to: string };

/** What each network's manifest says it reports; the server builds it from the network registry. */
export type MetricsOfNetwork = (network: NetworkId) => Omit<NetworkMetrics, 'network'>;

export type RangeView = { from: string; to: string; previousFrom: string; previousTo: string; timezone: string };

export function rangeViewOf(scope: AnalyticsScope): RangeView {
  const previous = previousPeriod(scope.from, scope.to);
  return {
    from: scope.from,
    to: scope.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    timezone: scope.timezone,
  };
}

/** The instant a calendar day starts on the zone's clock (DST-aware: PostgreSQL resolves the offset). */
export function startOfDay(date: string, timezone: string): SQL {
  return sql`((${date})::date::timestamp AT TIME ZONE ${timezone})`;
}

/** The instant after the last day of the range ends: the start of the next day. */
export function endOfRange(scope: Pick<AnalyticsScope, 'to' | 'timezone'>): SQL {
  return startOfDay(shiftDate(scope.to, 1), scope.timezone);
}
