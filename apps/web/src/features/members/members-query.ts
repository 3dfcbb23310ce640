import { queryOptions } from '@tanstack/react-query';
import { memberSchema } from '@plume/contract/workspaces/workspace-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const memberList = itemsOf(memberSchema);

/** The members of a workspace. */
export function membersQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'members'],
    queryFn: async () => (await api.get(`${workspacePath(workspaceId)}/members`, memberList)).items,
  });
}
