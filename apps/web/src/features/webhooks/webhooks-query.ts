import { queryOptions } from '@tanstack/react-query';
import { webhookDeliverySchema, webhookSchema } from '@plume/contract/webhooks/webhook-schemas';
import { itemsOf, pageOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const webhookList = itemsOf(webhookSchema);
const deliveryPage = pageOf(webhookDeliverySchema);

export const webhooksPath = (workspaceId: string) => `${workspacePath(workspaceId)}/webhooks`;

/** A workspace's webhook endpoints (admins only). */
export function webhooksQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'webhooks'],
    queryFn: async () => (await api.get(webhooksPath(workspaceId), webhookList)).items,
  });
}

/** The latest deliveries of one endpoint (newest first). */
export function deliveriesQueryOptions(workspaceId: string, webhookId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'webhooks', webhookId, 'deliveries'],
    queryFn: () =>
      api.get(`${webhooksPath(workspaceId)}/${encodeURIComponent(webhookId)}/deliveries?limit=20`, deliveryPage),
  });
}
