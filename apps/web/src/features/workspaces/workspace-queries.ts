import { queryOptions } from '@tanstack/react-query';
import { itemsOf } from '@plume/contract/wire';
import { workspaceSchema } from '@plume/contract/workspaces/workspace-schemas';
import { api } from '../../lib/api.ts';

const workspaceList = itemsOf(workspaceSchema);

/** The caller's workspaces (each with the caller's role). */
export const workspacesQueryOptions = queryOptions({
  queryKey: ['workspaces'],
  queryFn: async () => (await api.get('/workspaces', workspaceList)).items,
});

/** One workspace; answers 404 when it does not exist or the caller is not a member. */
export function workspaceQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId],
    queryFn: () => api.get(`/workspaces/${encodeURIComponent(workspaceId)}`, workspaceSchema),
  });
}

/** Path prefix of a workspace's API routes. */
export function workspacePath(workspaceId: string): string {
  return `/workspaces/${encodeURIComponent(workspaceId)}`;
}
