import { queryOptions } from '@tanstack/react-query';
import {
  accountSchema,
  pendingIdentitiesSchema,
  startOAuthResponse,
  type StartOAuthBody,
} from '@plume/contract/accounts/account-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const accountList = itemsOf(accountSchema);

/** A workspace's connected accounts. */
export function accountsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'accounts'],
    queryFn: async () => (await api.get(`${workspacePath(workspaceId)}/accounts`, accountList)).items,
  });
}

/** The identities a sign-in offered, waiting to be picked. */
export function pendingQueryOptions(workspaceId: string, pendingId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'accounts', 'pending', pendingId],
    queryFn: () =>
      api.get(
        `${workspacePath(workspaceId)}/pending-connections/${encodeURIComponent(pendingId)}`,
        pendingIdentitiesSchema,
      ),
    retry: false,
  });
}

/** Starts (or restarts) an OAuth sign-in and sends the browser to the network. */
export async function startOAuth(workspaceId: string, body: StartOAuthBody): Promise<void> {
  const { authorizeUrl } = await api.post(
    `${workspacePath(workspaceId)}/accounts/oauth/start`,
    body,
    startOAuthResponse,
  );
  window.location.assign(authorizeUrl);
}
