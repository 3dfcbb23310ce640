import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { listItems, type ListBody } from '../../lib/list-items.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import type { ApiKey } from './api-key-types.ts';

/** A workspace's API keys (admins only). */
export function apiKeysQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'api-keys'],
    queryFn: async () => listItems(await api.get<ListBody<ApiKey>>(`${workspacePath(workspaceId)}/api-keys`)),
  });
}
