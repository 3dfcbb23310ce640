import { queryOptions } from '@tanstack/react-query';
import { itemsOf } from '@plume/contract/wire';
import { invitationSchema } from '@plume/contract/workspaces/workspace-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const invitationList = itemsOf(invitationSchema);

/** Pending invitations addressed to the signed-in user. */
export const myInvitationsQueryOptions = queryOptions({
  queryKey: ['me', 'invitations'],
  queryFn: async () => (await api.get('/me/invitations', invitationList)).items,
});

/** Invitations sent from a workspace (admins only). */
export function workspaceInvitationsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'invitations'],
    queryFn: async () => (await api.get(`${workspacePath(workspaceId)}/invitations`, invitationList)).items,
  });
}
