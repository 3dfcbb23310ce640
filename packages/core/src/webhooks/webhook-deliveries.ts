/**
 * The delivery log of an endpoint (newest first, with each delivery's last attempts), replaying a
 * delivery (a new round of attempts of the same message, same `webhook-id`) and the test event.
 */
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { WebhookDeliveryState, WebhookEventType } from '@plume/contract/webhooks/webhook-events';
import type { Database } from '@plume/db/client';
import { webhookAttempts, webhookDeliveries, webhookMessages } from '@plume/db/schema/webhooks';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { deliverWebhook, type WebhookDeps } from './deliver-webhook.ts';
import { emitWebhookEvent } from './emit-webhook-event.ts';
import { findWebhook } from './manage-webhooks.ts';
import { queueDelivery } from './record-webhook-attempt.ts';

export type DeliveryView = {
  id: string;
  messageId: string;
  type: WebhookEventType;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  attemptLog: { attemptedAt: Date; status: number | null; latencyMs: number; ok: boolean; responseExcerpt: string }[];
};

const ATTEMPTS_SHOWN = 20;

/** Cursor: `<createdAt ISO>|<id>` of the last item of the previous page. */
function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (cursor === undefined) return null;
  const [at, id] = cursor.split('|');
  const date = new Date(at ?? '');
  if (id === undefined || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw AppError.validation('query/cursor', 'Not a cursor this list gave out.');
  return { at: date, id };
}

export async function listDeliveries(
  db: Database,
  input: { workspaceId: string; webhookId: string; limit: number; cursor?: string | undefined },
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  await findWebhook(db, input.workspaceId, input.webhookId);
  const after = parseCursor(input.cursor);
  const rows = await db
    .select({ delivery: webhookDeliveries, type: webhookMessages.type })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, input.webhookId),
        after === null
          ? undefined
          : or(
              lt(webhookDeliveries.createdAt, after.at),
              and(eq(webhookDeliveries.createdAt, after.at), lt(webhookDeliveries.id, after.id)),
            ),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const attempts = await attemptsOf(
    db,
    page.map((row) => row.delivery.id),
  );
  const items = page.map(({ delivery, type }) => viewOf(delivery, type, attempts.get(delivery.id) ?? []));
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last !== undefined
      ? `${last.delivery.createdAt.toISOString()}|${last.delivery.id}`
      : null;
  return { items, nextCursor };
}

/** A new round of attempts of the same message (same `webhook-id`), starting now. */
export async function replayDelivery(
  db: Database,
  input: { workspaceId: string; webhookId: string; deliveryId: string; actor: AuditActor },
): Promise<DeliveryView> {
  await db.transaction(async (tx) => {
    await findWebhook(tx, input.workspaceId, input.webhookId);
    const now = new Date();
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ state: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
      .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookDeliveries.endpointId, input.webhookId)))
      .returning({ id: webhookDeliveries.id, messageId: webhookDeliveries.messageId });
    if (row === undefined) throw AppError.notFound('delivery');
    await queueDelivery(tx, row.id, now);
    await recordAudit(tx, input.workspaceId, input.actor, 'webhook.delivery_replayed', 'webhook', input.webhookId, {
      deliveryId: row.id,
      messageId: row.messageId,
    });
  });
  return deliveryView(db, input.deliveryId);
}

/** Sends a `webhook.test` event to one endpoint now and answers with its first attempt. */
export async function sendTestEvent(
  deps: WebhookDeps,
  input: { workspaceId: string; webhookId: string; actor: AuditActor },
): Promise<DeliveryView> {
  const endpoint = await findWebhook(deps.db, input.workspaceId, input.webhookId);
  const [deliveryId] = await deps.db.transaction((tx) =>
    emitWebhookEvent(tx, {
      workspaceId: input.workspaceId,
      type: 'webhook.test',
      endpointId: endpoint.id,
      // Sent right here; a retry, when needed, is queued by the attempt's outcome.
      queue: false,
      data: {
        workspaceId: input.workspaceId,
        endpointId: endpoint.id,
        message: `A test event sent by ${input.actor.name ?? 'a member'} from Plume's webhook settings.`,
      },
    }),
  );
  if (deliveryId === undefined) throw new Error('the test event queued no delivery');
  await deliverWebhook(deps, deliveryId);
  return deliveryView(deps.db, deliveryId);
}

async function deliveryView(db: Database, deliveryId: string): Promise<DeliveryView> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, type: webhookMessages.type })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (row === undefined) throw AppError.notFound('delivery');
  const attempts = await attemptsOf(db, [deliveryId]);
  return viewOf(row.delivery, row.type, attempts.get(deliveryId) ?? []);
}

async function attemptsOf(db: Database, deliveryIds: string[]): Promise<Map<string, DeliveryView['attemptLog']>> {
  const byDelivery = new Map<string, DeliveryView['attemptLog']>();
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(desc(webhookAttempts.attemptedAt), sql`${webhookAttempts.id}`);
  for (const row of rows) {
    const list = byDelivery.get(row.deliveryId) ?? [];
    if (list.length < ATTEMPTS_SHOWN)
      list.push({
        attemptedAt: row.attemptedAt,
        status: row.status,
        latencyMs: row.latencyMs,
        ok: row.ok,
        responseExcerpt: row.responseExcerpt,
      });
    byDelivery.set(row.deliveryId, list);
  }
  return byDelivery;
}

function viewOf(
  delivery: typeof webhookDeliveries.$inferSelect,
  type: WebhookEventType,
  attemptLog: DeliveryView['attemptLog'],
): DeliveryView {
  const { id, messageId, state, attempts, nextAttemptAt, lastStatus, lastError, createdAt } = delivery;
  return { id, messageId, type, state, attempts, nextAttemptAt, lastStatus, lastError, createdAt, attemptLog };
}
