import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { listItems, type ListBody } from '../../lib/list-items.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import type { Member } from './member-types.ts';

/** The members of a workspace. */
export function membersQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'members'],
    queryFn: async () => listItems(await api.get<ListBody<Member>>(`${workspacePath(workspaceId)}/members`)),
  });
}
