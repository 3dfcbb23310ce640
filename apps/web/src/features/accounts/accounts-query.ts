import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { listItems, type ListBody } from '../../lib/list-items.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import type { Account, PendingIdentities } from './account-types.ts';

/** A workspace's connected accounts. */
export function accountsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'accounts'],
    queryFn: async () => listItems(await api.get<ListBody<Account>>(`${workspacePath(workspaceId)}/accounts`)),
  });
}

/** The identities a sign-in offered, waiting to be picked. */
export function pendingQueryOptions(workspaceId: string, pendingId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'accounts', 'pending', pendingId],
    queryFn: () =>
      api.get<PendingIdentities>(`${workspacePath(workspaceId)}/pending-connections/${encodeURIComponent(pendingId)}`),
    retry: false,
  });
}

/** Starts (or restarts) an OAuth sign-in and sends the browser to the network. */
export async function startOAuth(
  workspaceId: string,
  body: { network: string; instanceUrl?: string; reconnectAccountId?: string },
): Promise<void> {
  const { authorizeUrl } = await api.post<{ authorizeUrl: string }>(`${workspacePath(workspaceId)}/accounts/oauth/start`, body);
  window.location.assign(authorizeUrl);
}
