import type { AnalyticsOverview } from '@plume/contract/analytics/analytics-schemas';
import { useNetworkName } from '../networks/use-network-name.ts';
import { formatChange, formatCount, formatRate, relativeChange } from './analytics-format.ts';
import { formatDay } from './analytics-range.ts';
import { MetricValue } from './metric-value.tsx';
import { unknownReason, type ShownMetric } from './metric-coverage.ts';

type Totals = AnalyticsOverview['totals']['current'];

const KPIS: ReadonlyArray<{
  key: keyof Totals;
  label: string;
  metric: ShownMetric | null;
  format: (n: number) => string;
}> = [
  { key: 'posts', label: 'Posts published', metric: null, format: formatCount },
  { key: 'engagements', label: 'Engagements', metric: 'engagements', format: formatCount },
  { key: 'engagementRate', label: 'Engagement rate', metric: 'engagementRate', format: formatRate },
  { key: 'impressions', label: 'Impressions', metric: 'impressions', format: formatCount },
];

/** The range's headline numbers, each with its change from the previous period when comparing. */
export function KpiCards({ overview, compare }: { overview: AnalyticsOverview; compare: boolean }) {
  const networkName = useNetworkName();
  const { current, previous } = overview.totals;
  const { range } = overview;
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {KPIS.map((kpi) => {
        const value = current[kpi.key];
        const before = previous[kpi.key];
        const change = relativeChange(value, before);
        return (
          <div key={kpi.key} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <dt className="text-sm text-muted">{kpi.label}</dt>
            <dd className="mt-1 text-2xl font-semibold text-ink">
              <MetricValue
                text={value === null ? '' : kpi.format(value)}
                known={value !== null}
                reason={kpi.metric ? unknownReason(overview.networks, kpi.metric, networkName) : ''}
              />
            </dd>
            {compare ? (
              <dd className="mt-1 text-xs text-muted">
                {change === null ? null : (
                  <span className={change >= 0 ? 'font-medium text-success' : 'font-medium text-danger'}>
                    {formatChange(change)}{' '}
                  </span>
                )}
                {previous.posts === 0 ? 'no posts' : `vs ${before === null ? 'unknown' : kpi.format(before)}`} in{' '}
                {formatDay(range.previousFrom)} – {formatDay(range.previousTo)}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
