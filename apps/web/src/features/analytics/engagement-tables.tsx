import type { AnalyticsOverview, NetworkMetrics } from '@plume/contract/analytics/analytics-schemas';
import { Card } from '../../components/card.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { useNetworkName } from '../networks/use-network-name.ts';
import { formatChange, formatCount, formatRate, relativeChange } from './analytics-format.ts';
import { ExportButton } from './export-button.tsx';
import { MetricValue } from './metric-value.tsx';
import { unknownReason } from './metric-coverage.ts';

type Totals = AnalyticsOverview['totals']['current'];
type Row = { key: string; label: string; network: string; current: Totals; previous: Totals };

function Cell({
  value,
  previous,
  format,
  reason,
  compare,
}: {
  value: number | null;
  previous: number | null;
  format: (n: number) => string;
  reason: string;
  compare: boolean;
}) {
  const change = compare ? relativeChange(value, previous) : null;
  return (
    <td className="py-2 pr-4 tabular-nums">
      <MetricValue text={value === null ? '' : format(value)} known={value !== null} reason={reason} />
      {change === null ? null : <span className="ml-1 text-xs text-muted">({formatChange(change)})</span>}
    </td>
  );
}

function GroupTable({
  title,
  what,
  rows,
  networks,
  compare,
  fileName,
}: {
  title: string;
  what: string;
  rows: Row[];
  networks: NetworkMetrics[];
  compare: boolean;
  fileName: string;
}) {
  const networkName = useNetworkName();
  const reason = (row: Row, metric: 'engagements' | 'engagementRate' | 'impressions') =>
    unknownReason(
      networks.filter((network) => network.network === row.network),
      metric,
      networkName,
    );
  const header = [
    'Name',
    'Posts',
    'Engagements',
    'Engagement rate',
    'Impressions',
    'Previous posts',
    'Previous engagements',
    'Previous engagement rate',
    'Previous impressions',
  ];
  const csvRows = rows.map((row) => [
    row.label,
    row.current.posts,
    row.current.engagements,
    row.current.engagementRate,
    row.current.impressions,
    row.previous.posts,
    row.previous.engagements,
    row.previous.engagementRate,
    row.previous.impressions,
  ]);
  return (
    <Card title={title} action={<ExportButton what={what} fileName={fileName} header={header} rows={csvRows} />}>
      <TableScroller>
        <table className="w-full min-w-[36rem] text-left text-sm text-muted">
          <caption className="sr-only">{title}</caption>
          <TableHead
            columns={[
              what === 'engagement by network' ? 'Network' : 'Account',
              'Posts',
              'Engagements',
              'Engagement rate',
              'Impressions',
            ]}
          />
          <tbody className="divide-y divide-line">
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="py-2 pr-4 font-normal text-ink">
                  {row.label}
                </th>
                <Cell
                  value={row.current.posts}
                  previous={row.previous.posts}
                  format={formatCount}
                  reason=""
                  compare={compare}
                />
                <Cell
                  value={row.current.engagements}
                  previous={row.previous.engagements}
                  format={formatCount}
                  reason={reason(row, 'engagements')}
                  compare={compare}
                />
                <Cell
                  value={row.current.engagementRate}
                  previous={row.previous.engagementRate}
                  format={formatRate}
                  reason={reason(row, 'engagementRate')}
                  compare={compare}
                />
                <Cell
                  value={row.current.impressions}
                  previous={row.previous.impressions}
                  format={formatCount}
                  reason={reason(row, 'impressions')}
                  compare={compare}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </Card>
  );
}

/** Posts, engagements, rate and impressions by network and by account (changes vs the previous period when comparing). */
export function EngagementTables({ overview, compare }: { overview: AnalyticsOverview; compare: boolean }) {
  const networkName = useNetworkName();
  const { from, to } = overview.range;
  return (
    <div className="space-y-6">
      <GroupTable
        title="By network"
        what="engagement by network"
        fileName={`plume-by-network-${from}-${to}.csv`}
        networks={overview.networks}
        compare={compare}
        rows={overview.byNetwork.map((row) => ({ ...row, key: row.network, label: networkName(row.network) }))}
      />
      <GroupTable
        title="By account"
        what="engagement by account"
        fileName={`plume-by-account-${from}-${to}.csv`}
        networks={overview.networks}
        compare={compare}
        rows={overview.byAccount.map((row) => ({
          ...row,
          key: row.accountId,
          label: `${networkName(row.network)} · ${row.handle}`,
        }))}
      />
    </div>
  );
}
