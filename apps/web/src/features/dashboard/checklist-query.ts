import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** One step of the getting-started checklist; `href` is where the step is done. */
export interface ChecklistItem {
  id: string;
  title: string;
  done: boolean;
  href: string;
}

/** A workspace's getting-started checklist. */
export function checklistQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'checklist'],
    queryFn: async () =>
      (await api.get<{ items: ChecklistItem[] }>(`${workspacePath(workspaceId)}/checklist`)).items,
  });
}
