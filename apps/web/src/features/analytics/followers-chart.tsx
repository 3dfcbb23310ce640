import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FollowersSeries, NetworkMetrics } from '@plume/contract/analytics/analytics-schemas';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { formatCount } from './analytics-format.ts';
import { formatDay } from './analytics-range.ts';
import { seriesColor } from './chart-colors.ts';
import { ExportButton } from './export-button.tsx';
import { unknownReason } from './metric-coverage.ts';

type Account = FollowersSeries['accounts'][number];

/** One row per day, one column per account: what the line chart draws. */
function byDay(accounts: readonly Account[]): Array<Record<string, number | string>> {
  const days = new Map<string, Record<string, number | string>>();
  for (const account of accounts)
    for (const point of account.points) {
      const row = days.get(point.date) ?? { date: point.date };
      row[account.accountId] = point.followers;
      days.set(point.date, row);
    }
  return [...days.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)));
}

/** Followers over time per account, with the same numbers as a table for screen readers and CSV. */
export function FollowersChart({ series, networks }: { series: FollowersSeries; networks: NetworkMetrics[] }) {
  const networkName = useNetworkName();
  const counted = series.accounts.filter((account) => account.points.length > 0);
  const silent = series.accounts.filter((account) => account.points.length === 0);
  const label = (account: Account) => `${networkName(account.network)} · ${account.handle}`;
  const data = byDay(counted);
  const summary = counted
    .map((account) => {
      const first = account.points[0];
      const last = account.points.at(-1);
      return `${label(account)}: ${formatCount(first?.followers ?? null)} on ${first ? formatDay(first.date) : ''} to ${formatCount(last?.followers ?? null)} on ${last ? formatDay(last.date) : ''}`;
    })
    .join('; ');
  const header = ['Date', 'Account', 'Followers'];
  const rows = counted.flatMap((account) =>
    account.points.map((point) => [point.date, label(account), point.followers]),
  );
  return (
    <Card
      title="Followers"
      description={`Each account's count at the end of each day (${zoneLabel(series.range.timezone)}).`}
      action={
        <ExportButton
          what="followers"
          fileName={`plume-followers-${series.range.from}-${series.range.to}.csv`}
          header={header}
          rows={rows}
        />
      }
    >
      {counted.length === 0 ? (
        <EmptyState title="No follower counts in this range.">
          Plume reads each account's followers once a day where its network reports them.
        </EmptyState>
      ) : (
        <>
          <figure role="img" aria-label={`Followers over time. ${summary}.`} className="h-64 text-muted">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
                <XAxis
                  dataKey="date"
                  tickFormatter={(date: string) => formatDay(date)}
                  tick={{ fill: 'currentColor', fontSize: 12 }}
                />
                <YAxis
                  tickFormatter={(value: number) => formatCount(value)}
                  tick={{ fill: 'currentColor', fontSize: 12 }}
                  width={64}
                />
                <Tooltip
                  labelFormatter={(date) => (typeof date === 'string' ? formatDay(date) : '')}
                  formatter={(value) => formatCount(Number(value))}
                />
                <Legend />
                {counted.map((account, index) => (
                  <Line
                    key={account.accountId}
                    type="monotone"
                    dataKey={account.accountId}
                    name={label(account)}
                    stroke={seriesColor(index)}
                    strokeWidth={2}
                    dot={false}
                    connectNulls
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </figure>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-muted">Show as a table</summary>
            <TableScroller>
              <table className="mt-2 w-full text-left text-sm text-muted">
                <caption className="sr-only">Followers by day</caption>
                <TableHead columns={header} />
                <tbody className="divide-y divide-line">
                  {rows.map(([date, account, followers]) => (
                    <tr key={`${date}-${account}`}>
                      <td className="py-1 pr-4">{formatDay(String(date))}</td>
                      <td className="py-1 pr-4">{account}</td>
                      <td className="py-1 pr-4 tabular-nums">{formatCount(Number(followers))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </details>
        </>
      )}
      {silent.length > 0 ? (
        <p className="mt-3 text-xs text-muted">
          No counts for {silent.map(label).join(', ')}:{' '}
          {unknownReason(
            networks.filter((n) => silent.some((a) => a.network === n.network)),
            'followers',
            networkName,
          )}
          .
        </p>
      ) : null}
    </Card>
  );
}
