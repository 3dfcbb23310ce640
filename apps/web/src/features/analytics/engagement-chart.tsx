import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsOverview } from '@plume/contract/analytics/analytics-schemas';
import { Card } from '../../components/card.tsx';
import { useNetworkName } from '../networks/use-network-name.ts';
import { formatCount } from './analytics-format.ts';
import { seriesColor } from './chart-colors.ts';

/**
 * Engagements per account this period (and the one before when comparing). Accounts whose network
 * gives no engagement number are left out of the bars and named below; the table under it has every number.
 */
export function EngagementChart({ overview, compare }: { overview: AnalyticsOverview; compare: boolean }) {
  const networkName = useNetworkName();
  const label = (row: AnalyticsOverview['byAccount'][number]) => `${networkName(row.network)} · ${row.handle}`;
  const known = overview.byAccount.filter(
    (row) => row.current.engagements !== null || row.previous.engagements !== null,
  );
  const data = known.map((row) => ({
    name: label(row),
    current: row.current.engagements ?? 0,
    previous: row.previous.engagements ?? 0,
  }));
  const summary = known.map((row) => `${label(row)}: ${formatCount(row.current.engagements)}`).join('; ');
  if (known.length === 0) return null;
  return (
    <Card title="Engagements by account">
      <figure role="img" aria-label={`Engagements by account this period. ${summary}.`} className="h-64 text-muted">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
            <XAxis dataKey="name" tick={{ fill: 'currentColor', fontSize: 12 }} />
            <YAxis
              tickFormatter={(value: number) => formatCount(value)}
              tick={{ fill: 'currentColor', fontSize: 12 }}
              width={64}
            />
            <Tooltip formatter={(value) => formatCount(Number(value))} />
            <Legend />
            <Bar dataKey="current" name="This period" fill={seriesColor(0)} isAnimationActive={false} />
            {compare ? (
              <Bar dataKey="previous" name="Previous period" fill={seriesColor(1)} isAnimationActive={false} />
            ) : null}
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </Card>
  );
}
