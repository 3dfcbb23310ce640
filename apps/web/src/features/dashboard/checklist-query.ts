import { queryOptions } from '@tanstack/react-query';
import { checklistSchema } from '@plume/contract/workspaces/workspace-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** A workspace's getting-started checklist. */
export function checklistQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'checklist'],
    queryFn: async () => (await api.get(`${workspacePath(workspaceId)}/checklist`, checklistSchema)).items,
  });
}
