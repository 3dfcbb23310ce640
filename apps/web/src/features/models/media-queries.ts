import { queryOptions } from '@tanstack/react-query';
import { mediaPoliciesResponse, mediaProvidersResponse } from '@plume/contract/media/media-provider-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** `/workspaces/:id/media` — the media gateway's providers and policies. */
export function mediaPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/media`;
}

export const mediaModelsKey = (workspaceId: string) => ['workspaces', workspaceId, 'media-models'] as const;

/** Media providers with their health (each is called, 5 s at most) and what the workspace can make. */
export function mediaProvidersQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...mediaModelsKey(workspaceId), 'providers'],
    queryFn: () => api.get(`${mediaPath(workspaceId)}/providers?check=true`, mediaProvidersResponse),
  });
}

export function mediaPoliciesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...mediaModelsKey(workspaceId), 'policies'],
    queryFn: async () => (await api.get(`${mediaPath(workspaceId)}/policies`, mediaPoliciesResponse)).items,
  });
}
