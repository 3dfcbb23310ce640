import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Workspace } from './workspace-types.ts';

/** The caller's workspaces (each with the caller's role). */
export const workspacesQueryOptions = queryOptions({
  queryKey: ['workspaces'],
  queryFn: async () => (await api.get<{ items: Workspace[] }>('/workspaces')).items,
});

/** One workspace; answers 404 when it does not exist or the caller is not a member. */
export function workspaceQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId],
    queryFn: () => api.get<Workspace>(`/workspaces/${encodeURIComponent(workspaceId)}`),
  });
}

/** Path prefix of a workspace's API routes. */
export function workspacePath(workspaceId: string): string {
  return `/workspaces/${encodeURIComponent(workspaceId)}`;
}
