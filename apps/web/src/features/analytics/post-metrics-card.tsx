import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PostMetrics } from '@plume/contract/analytics/analytics-schemas';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { formatTime } from '../../lib/format-time.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { formatCount } from './analytics-format.ts';
import { postMetricsQueryOptions } from './analytics-queries.ts';
import { engagementCurve, formatAge, type CurveSeries } from './curve-points.ts';
import { reportsMetric } from './metric-coverage.ts';

const TargetCurveChart = lazy(() =>
  import('./target-curve-chart.tsx').then((module) => ({ default: module.TargetCurveChart })),
);

type Target = PostMetrics['targets'][number];
type Networks = PostMetrics['networks'];
const COLUMNS = ['engagements', 'likes', 'reposts', 'replies', 'impressions', 'views'] as const;
const HEADINGS: Record<(typeof COLUMNS)[number], string> = {
  engagements: 'Engagements',
  likes: 'Likes',
  reposts: 'Reposts',
  replies: 'Replies',
  impressions: 'Impressions',
  views: 'Views',
};

function TargetCurve({
  target,
  networks,
  timeZone,
  extraSeries,
}: {
  target: Target;
  networks: Networks;
  timeZone: string;
  extraSeries: readonly CurveSeries[];
}) {
  const networkName = useNetworkName();
  const name = `${networkName(target.network)} · ${target.handle}`;
  const manifest = networks.find((network) => network.network === target.network);
  // Only the columns the network gives (or that a reading holds): the rest would be a row of dashes.
  const columns = COLUMNS.filter(
    (column) =>
      (manifest &&
        (column === 'engagements' ? reportsMetric(manifest, 'engagements') : manifest.postMetrics.includes(column))) ||
      target.points.some((point) => point[column] !== null),
  );
  const curve = engagementCurve(target);
  const last = curve.points.at(-1);
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-ink">
        {name}
        {target.status === 'gone' ? (
          <span className="ml-2 text-xs font-normal text-muted">deleted or private on the network</span>
        ) : null}
      </h3>
      {target.points.length === 0 ? (
        <p className="text-sm text-muted">
          {target.measuredPostId === null
            ? 'Not measured: Plume measures a target once it is published.'
            : 'No reading yet: the first is taken 15 minutes after publishing.'}
        </p>
      ) : (
        <>
          {curve.points.length > 0 ? (
            <Suspense fallback={<LoadingState label="Loading the chart…" />}>
              <TargetCurveChart
                series={[curve, ...extraSeries]}
                label={`Engagements of ${name} over time: ${formatCount(last?.value ?? null)} after ${formatAge(last?.hours ?? 0)}.`}
              />
            </Suspense>
          ) : (
            <p className="text-sm text-muted">{networkName(target.network)} reports no engagement numbers.</p>
          )}
          <TableScroller>
            <table className="w-full min-w-[32rem] text-left text-sm text-muted">
              <TableCaption title={`Readings of ${name}`} timeZone={timeZone} />
              <TableHead columns={['Taken', 'After', ...columns.map((column) => HEADINGS[column])]} />
              <tbody className="divide-y divide-line">
                {target.points.map((point) => (
                  <tr key={point.takenAt}>
                    <td className="py-1.5 pr-4 whitespace-nowrap">
                      {formatTime(point.takenAt, timeZone, { withZone: false })}
                    </td>
                    <td className="py-1.5 pr-4">
                      {target.publishedAt
                        ? formatAge((Date.parse(point.takenAt) - Date.parse(target.publishedAt)) / 3_600_000)
                        : '—'}
                    </td>
                    {columns.map((column) => (
                      <td key={column} className="py-1.5 pr-4 tabular-nums text-ink">
                        {formatCount(point[column])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
    </div>
  );
}

interface PostMetricsCardProps {
  workspaceId: string;
  postId: string;
  timeZone: string;
  /** More lines per target over the post's age (e.g. the predicted engagement), by target id. */
  extraSeriesByTarget?: Readonly<Record<string, readonly CurveSeries[]>>;
}

/** The post page's "Results": each published target's readings since it went out, as a curve and a table. */
export function PostMetricsCard({ workspaceId, postId, timeZone, extraSeriesByTarget = {} }: PostMetricsCardProps) {
  const metrics = useQuery(postMetricsQueryOptions(workspaceId, postId));
  return (
    <Card title="Results" description="Each account's numbers at every reading since the post went out.">
      {metrics.isPending ? <LoadingState label="Loading results…" /> : null}
      {metrics.isError ? <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} /> : null}
      {metrics.data && metrics.data.targets.length === 0 ? <EmptyState title="No accounts chosen." /> : null}
      {metrics.data ? (
        <div className="space-y-8">
          {metrics.data.targets.map((target) => (
            <TargetCurve
              key={target.targetId}
              target={target}
              networks={metrics.data.networks}
              timeZone={timeZone}
              extraSeries={extraSeriesByTarget[target.targetId] ?? []}
            />
          ))}
        </div>
      ) : null}
    </Card>
  );
}
