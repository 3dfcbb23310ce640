import { sql } from 'drizzle-orm';
import type { AnalyticsOverview, NetworkMetrics } from '@plume/contract/analytics/analytics-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { endOfRange, rangeViewOf, startOfDay, type AnalyticsScope, type MetricsOfNetwork } from './analytics-scope.ts';
import { addTotals, emptyTotals, toTotals, totalsColumns, type TotalsRow } from './analytics-totals.ts';
import { listWorkspaceAccounts, type AccountRef } from './list-workspace-accounts.ts';

type GroupRow = TotalsRow & { account_id: string; is_current: boolean };
type Compared = { current: TotalsRow; previous: TotalsRow };

const compared = (): Compared => ({ current: emptyTotals(), previous: emptyTotals() });
const view = (group: Compared) => ({ current: toTotals(group.current), previous: toTotals(group.previous) });

/**
 * The workspace's posts, engagements, impressions and engagement rate over a range and the period
 * before it, in total, by network and by account. One pass over `measured_posts` (its latest readings),
 * through the (workspace, published_at) index: never over the snapshot history.
 */
export async function getAnalyticsOverview(
  db: Database,
  scope: AnalyticsScope,
  metricsOf: MetricsOfNetwork,
): Promise<AnalyticsOverview> {
  const range = rangeViewOf(scope);
  const currentStart = startOfDay(scope.from, scope.timezone);
  const { rows } = await db.execute<GroupRow>(sql`
    SELECT account_id, published_at >= ${currentStart} AS is_current, ${totalsColumns}
    FROM measured_posts
    WHERE workspace_id = ${scope.workspaceId}
      AND published_at >= ${startOfDay(range.previousFrom, scope.timezone)}
      AND published_at < ${endOfRange(scope)}
    GROUP BY 1, 2`);
  const accounts = await listWorkspaceAccounts(db, scope.workspaceId);
  const byAccount = new Map<string, Compared>(accounts.map((account) => [account.accountId, compared()]));
  for (const row of rows) {
    const group = byAccount.get(row.account_id);
    if (!group) continue;
    const period = row.is_current ? 'current' : 'previous';
    group[period] = addTotals(group[period], row);
  }
  const total = compared();
  const byNetwork = new Map<NetworkId, Compared>();
  for (const account of accounts) {
    const group = byAccount.get(account.accountId) ?? compared();
    const network = byNetwork.get(account.network) ?? compared();
    for (const period of ['current', 'previous'] as const) {
      network[period] = addTotals(network[period], group[period]);
      total[period] = addTotals(total[period], group[period]);
    }
    byNetwork.set(account.network, network);
  }
  return {
    range,
    totals: view(total),
    byNetwork: [...byNetwork].map(([network, group]) => ({ network, ...view(group) })),
    byAccount: accounts.map((account: AccountRef) => ({
      ...account,
      ...view(byAccount.get(account.accountId) ?? compared()),
    })),
    networks: networksOf(accounts, metricsOf),
  };
}

/** Each network the workspace has an account on, once, with what it reports. */
export function networksOf(accounts: readonly { network: NetworkId }[], metricsOf: MetricsOfNetwork): NetworkMetrics[] {
  const networks = [...new Set(accounts.map((account) => account.network))];
  return networks.map((network) => ({ network, ...metricsOf(network) }));
}
