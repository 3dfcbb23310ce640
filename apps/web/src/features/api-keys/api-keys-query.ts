import { queryOptions } from '@tanstack/react-query';
import { apiKeySchema } from '@plume/contract/api-keys/api-key-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const apiKeyList = itemsOf(apiKeySchema);

/** A workspace's API keys (admins only). */
export function apiKeysQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'api-keys'],
    queryFn: async () => (await api.get(`${workspacePath(workspaceId)}/api-keys`, apiKeyList)).items,
  });
}
