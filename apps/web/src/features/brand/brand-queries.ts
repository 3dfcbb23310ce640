import { queryOptions } from '@tanstack/react-query';
import { brandProfileResponse } from '@plume/contract/content/content-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

export const brandProfilePath = (workspaceId: string) => `${workspacePath(workspaceId)}/brand-profile`;

/** The workspace's brand profile and persona, or null with a hint. */
export function brandProfileQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'brand-profile'],
    queryFn: () => api.get(brandProfilePath(workspaceId), brandProfileResponse),
  });
}
