/**
 * The route sweep's webhook: an endpoint created through the API (a public address literal, so no DNS
 * is needed), then pointed at a loopback port the SSRF guard refuses at connect time, so "send a test"
 * answers at once with a failed attempt instead of waiting on the internet. Its test event leaves a
 * real delivery to replay.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '@plume/db/client';
import { webhookEndpoints } from '@plume/db/schema/webhooks';
import type { TestUser } from './factories.ts';
import type { RouteExample } from './route-sweep.ts';

export const sweepWebhookBody = { url: 'https://93.184.215.14/plume-sweep', eventTypes: ['post.published'] };

export async function insertSweepWebhook(
  app: FastifyInstance,
  db: Database,
  owner: TestUser,
  workspaceId: string,
): Promise<{ webhookId: string; deliveryId: string }> {
  const base = `/api/v1/workspaces/${workspaceId}/webhooks`;
  const created = await app.inject({ method: 'POST', url: base, headers: owner.headers, payload: sweepWebhookBody });
  if (created.statusCode !== 201) throw new Error(`POST ${base} failed: ${created.statusCode} ${created.body}`);
  const webhookId = created.json<{ id: string }>().id;
  await db
    .update(webhookEndpoints)
    .set({ url: 'http://127.0.0.1:9/refused' })
    .where(eq(webhookEndpoints.id, webhookId));
  const tested = await app.inject({ method: 'POST', url: `${base}/${webhookId}/test`, headers: owner.headers });
  if (tested.statusCode !== 200) throw new Error(`webhook test failed: ${tested.statusCode} ${tested.body}`);
  return { webhookId, deliveryId: tested.json<{ id: string }>().id };
}

export function webhookExample(key: string): RouteExample | undefined {
  // Deleting needs a published target on a network: its 200 is checked against the fakes in
  // delete-target.test.ts; here a target id that does not exist.
  if (key === 'POST /api/v1/workspaces/{workspaceId}/posts/{postId}/targets/{targetId}/delete')
    return { params: { targetId: '00000000-0000-4000-8000-000000000000' }, skip: ['control'] };
  if (key === 'POST /api/v1/workspaces/{workspaceId}/webhooks') return { body: sweepWebhookBody };
  if (key === 'PATCH /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}') return { body: { description: 'Sweep' } };
  return undefined;
}
