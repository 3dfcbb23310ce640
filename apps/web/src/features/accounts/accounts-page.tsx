import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { AccountList } from './account-list.tsx';
import { accountsQueryOptions } from './accounts-query.ts';
import { ConnectAccountList } from './connect-account-list.tsx';
import { ImportHistoryCard } from './import-history-card.tsx';
import { PickIdentitiesCard } from './pick-identities-card.tsx';
import { PostingSlotsCard } from './slots/posting-slots-card.tsx';
import type { AccountsSearch } from './accounts-search.ts';

interface AccountsPageProps {
  workspaceId: string;
  search: AccountsSearch;
  onSearchChange: (search: AccountsSearch) => void;
}

/** /w/$workspaceId/accounts — connected accounts and connecting new ones. */
export function AccountsPage({ workspaceId, search, onSearchChange }: AccountsPageProps) {
  const workspace = useWorkspace(workspaceId);
  const accounts = useQuery(accountsQueryOptions(workspace.id)).data ?? [];
  const isAdmin = canManage(workspace.role);
  const connectedIds = search.connected?.split(',').filter(Boolean) ?? [];
  const connectedHandles = connectedIds.map((id) => accounts.find((a) => a.id === id)?.handle).filter(Boolean);
  return (
    <>
      <PageHeader title="Accounts" description="The social accounts this workspace publishes to." />
      <div className="space-y-6">
        {search.error ? (
          <div role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
            <p>Could not connect the account: {search.error}</p>
          </div>
        ) : null}
        {connectedIds.length > 0 ? (
          <div
            role="status"
            className="rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm text-success"
          >
            <p>
              {connectedHandles.length > 0
                ? `Connected ${connectedHandles.join(', ')}.`
                : `Connected ${connectedIds.length} account${connectedIds.length === 1 ? '' : 's'}.`}
            </p>
          </div>
        ) : null}
        {search.pick && isAdmin ? (
          <PickIdentitiesCard
            workspaceId={workspace.id}
            pendingId={search.pick}
            onDone={(ids) => onSearchChange(ids.length > 0 ? { connected: ids.join(',') } : {})}
          />
        ) : null}
        <Card title="Connected accounts">
          <AccountList workspaceId={workspace.id} canAdmin={isAdmin} />
        </Card>
        <PostingSlotsCard
          workspaceId={workspace.id}
          accounts={accounts}
          timezone={workspace.timezone}
          canEdit={workspace.role !== 'viewer'}
        />
        {workspace.role !== 'viewer' ? <ImportHistoryCard workspaceId={workspace.id} accounts={accounts} /> : null}
        {isAdmin ? (
          <Card
            title="Connect an account"
            description="Pick a network. Networks this server is not set up for show what to configure."
          >
            <ConnectAccountList workspaceId={workspace.id} />
          </Card>
        ) : (
          <p className="text-sm text-muted">Only admins and owners of {workspace.name} can connect accounts.</p>
        )}
      </div>
    </>
  );
}
