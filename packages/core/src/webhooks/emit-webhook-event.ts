/**
 * Puts one event in the webhook outbox: the message, a delivery per subscribed endpoint and each
 * delivery's job, in the caller's transaction (so the event exists exactly when the change does).
 * Post events take the same path through a trigger on `post_events` (migration 0019_webhook_outbox).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { WEBHOOK_EVENTS, type WebhookEventType } from '@plume/contract/webhooks/webhook-events';
import type { Database } from '@plume/db/client';

export const DELIVER_WEBHOOK_JOB = 'deliver_webhook';

export function newMessageId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}

type DataOf<Type extends WebhookEventType> = z.input<(typeof WEBHOOK_EVENTS)[Type]['data']>;

/**
 * Emits `type` with `data` to the workspace's enabled endpoints subscribed to it (or to `endpointId`
 * alone, whatever it subscribes to: the test event). Returns the ids of the deliveries queued.
 * @example await emitWebhookEvent(tx, { workspaceId, type: 'plan.week_approved', data })
 */
export async function emitWebhookEvent<Type extends WebhookEventType>(
  tx: Pick<Database, 'execute'>,
  input: {
    workspaceId: string;
    type: Type;
    data: DataOf<Type>;
    endpointId?: string;
    /** False when the caller sends the first attempt itself (the test button): no job may race it. */
    queue?: boolean;
  },
): Promise<string[]> {
  const data = WEBHOOK_EVENTS[input.type].data.parse(input.data);
  const payload = { type: input.type, timestamp: new Date().toISOString(), data };
  const endpointFilter =
    input.endpointId === undefined
      ? sql`w.enabled AND ${input.type} = ANY (w.event_types)`
      : sql`w.id = ${input.endpointId}::uuid`;
  const result = await tx.execute<{ id: string }>(sql`
    WITH endpoints AS (
      SELECT w.id FROM webhook_endpoints w WHERE w.workspace_id = ${input.workspaceId} AND ${endpointFilter}
    ),
    message AS (
      INSERT INTO webhook_messages (id, workspace_id, type, payload)
      SELECT ${newMessageId()}, ${input.workspaceId}, ${input.type}, ${JSON.stringify(payload)}::jsonb
      WHERE EXISTS (SELECT 1 FROM endpoints)
      RETURNING id
    ),
    deliveries AS (
      INSERT INTO webhook_deliveries (message_id, endpoint_id, next_attempt_at)
      SELECT message.id, endpoints.id, now() FROM message, endpoints
      RETURNING id
    )
    SELECT id, ${
      input.queue === false
        ? sql`NULL`
        : sql`graphile_worker.add_job(${DELIVER_WEBHOOK_JOB}, json_build_object('deliveryId', id),
      max_attempts => 3, job_key => 'webhook:' || id)`
    } IS NOT NULL AS queued
    FROM deliveries`);
  return result.rows.map((row) => row.id);
}
