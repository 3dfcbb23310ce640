import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { listItems, type ListBody } from '../../lib/list-items.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import type { Invitation } from './invitation-types.ts';

/** Pending invitations addressed to the signed-in user. */
export const myInvitationsQueryOptions = queryOptions({
  queryKey: ['me', 'invitations'],
  queryFn: async () => listItems(await api.get<ListBody<Invitation>>('/me/invitations')),
});

/** Invitations sent from a workspace (admins only). */
export function workspaceInvitationsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'invitations'],
    queryFn: async () =>
      listItems(await api.get<ListBody<Invitation>>(`${workspacePath(workspaceId)}/invitations`)),
  });
}
