import { queryOptions } from '@tanstack/react-query';
import { templateSchema } from '@plume/contract/content/content-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const templateList = itemsOf(templateSchema);

export const templatesPath = (workspaceId: string) => `${workspacePath(workspaceId)}/content-templates`;

/** The content templates: built-ins, each replaced by the workspace's version where it has one. */
export function templatesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'content-templates'],
    queryFn: () => api.get(templatesPath(workspaceId), templateList),
  });
}
