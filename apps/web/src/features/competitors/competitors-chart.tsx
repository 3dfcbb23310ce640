import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WireCompetitorList } from '@plume/contract/competitors/competitor-schemas';
import { useNetworkName } from '../networks/use-network-name.ts';
import { formatCount, formatMean } from '../analytics/analytics-format.ts';
import { seriesColor } from '../analytics/chart-colors.ts';

/**
 * Posts per week and median engagements over the last 28 days: the workspace's own accounts per
 * network next to each competitor that has been read. A missing median is left out of its bar, not 0.
 */
export function CompetitorsChart({ list }: { list: WireCompetitorList }) {
  const networkName = useNetworkName();
  const own = list.own
    .filter((row) => list.competitors.some((competitor) => competitor.network === row.network))
    .map((row) => ({ name: `You · ${networkName(row.network)}`, ...row }));
  const theirs = list.competitors
    .filter((competitor) => competitor.state === 'ok')
    .map((competitor) => ({ name: competitor.displayName ?? competitor.handle, ...competitor.stats }));
  const rows = [...own, ...theirs].map((row) => ({
    name: row.name,
    postsPerWeek: row.postsPerWeek,
    medianEngagements: row.medianEngagements ?? undefined,
  }));
  if (theirs.length === 0) return null;
  const summary = rows
    .map(
      (row) =>
        `${row.name}: ${formatMean(row.postsPerWeek)} posts a week, median ${formatCount(row.medianEngagements ?? null)} engagements`,
    )
    .join('; ');
  return (
    <figure role="img" aria-label={`Cadence and engagement, last 28 days. ${summary}.`} className="h-64 text-muted">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
          <XAxis dataKey="name" tick={{ fill: 'currentColor', fontSize: 12 }} />
          <YAxis yAxisId="posts" tick={{ fill: 'currentColor', fontSize: 12 }} width={48} />
          <YAxis yAxisId="engagements" orientation="right" tick={{ fill: 'currentColor', fontSize: 12 }} width={56} />
          <Tooltip formatter={(value) => formatMean(Number(value))} />
          <Legend />
          <Bar
            yAxisId="posts"
            dataKey="postsPerWeek"
            name="Posts a week"
            fill={seriesColor(0)}
            isAnimationActive={false}
          />
          <Bar
            yAxisId="engagements"
            dataKey="medianEngagements"
            name="Median engagements"
            fill={seriesColor(1)}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
