import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { networksQueryOptions } from '../networks/networks-query.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { AccountRow } from './account-row.tsx';
import { accountsQueryOptions } from './accounts-query.ts';

/** The workspace's connected accounts, or an empty state. */
export function AccountList({ workspaceId, canAdmin }: { workspaceId: string; canAdmin: boolean }) {
  const accounts = useQuery(accountsQueryOptions(workspaceId));
  const networks = useQuery(networksQueryOptions).data ?? [];
  const timeZone = useTimeZone();
  if (accounts.isPending) return <LoadingState label="Loading accounts…" />;
  if (accounts.isError) return <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;
  if (accounts.data.length === 0) {
    return (
      <EmptyState title="No accounts connected yet">
        Connect a social account below so this workspace can publish to it.
      </EmptyState>
    );
  }
  return (
    <TableScroller>
      <table className="w-full min-w-[44rem] text-left text-sm text-muted">
        <TableCaption title="Connected accounts" timeZone={timeZone} />
        <TableHead columns={['Network', 'Account', 'Status', 'Last checked']} hasActions />
        <tbody className="divide-y divide-line">
          {accounts.data.map((account) => {
            const network = networks.find((n) => n.id === account.network);
            return (
              <AccountRow
                key={account.id}
                workspaceId={workspaceId}
                account={account}
                canAdmin={canAdmin}
                networkName={network?.name ?? account.network}
                canReconnect={network ? network.connect !== 'credentials' : false}
              />
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}
