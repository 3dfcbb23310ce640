/**
 * Writes what one delivery attempt got: the attempt row, the delivery's next state (delivered, the next
 * try and its job, or given up), and the endpoint's health: a 410 or failures for
 * DISABLE_AFTER_FAILING_DAYS turn it off and tell the workspace's managers. One transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@plume/db/schema/webhooks';
import { notify } from '../notifications/notify.ts';
import { DELIVER_WEBHOOK_JOB } from './emit-webhook-event.ts';
import { DISABLE_AFTER_FAILING_DAYS, MAX_WEBHOOK_ATTEMPTS, retryDelayAfter } from './webhook-schedule.ts';

export type AttemptResult = { status: number | null; latencyMs: number; excerpt: string };

export type AttemptTarget = {
  deliveryId: string;
  attempt: number;
  endpoint: { id: string; workspaceId: string; url: string; failingSince: Date | null };
};

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'endpoint_disabled';

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

export async function recordWebhookAttempt(
  db: Database,
  target: AttemptTarget,
  result: AttemptResult,
  now = new Date(),
): Promise<DeliveryOutcome> {
  return db.transaction(async (tx) => {
    const ok = isSuccess(result.status);
    await tx.insert(webhookAttempts).values({
      deliveryId: target.deliveryId,
      attemptedAt: now,
      status: result.status,
      latencyMs: result.latencyMs,
      responseExcerpt: result.excerpt,
      ok,
    });
    const lastError = ok ? null : describeFailure(result);
    if (ok) {
      await setDelivery(tx, target, { state: 'delivered', nextAttemptAt: null, lastError, status: result.status, now });
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, target.endpoint.id));
      return 'delivered';
    }
    const disabledBecause = disableReason(target, result, now);
    if (disabledBecause !== null) {
      await setDelivery(tx, target, { state: 'failed', nextAttemptAt: null, lastError, status: result.status, now });
      await disableEndpoint(tx, target.endpoint, disabledBecause);
      return 'endpoint_disabled';
    }
    await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now})` })
      .where(eq(webhookEndpoints.id, target.endpoint.id));
    const delay = target.attempt < MAX_WEBHOOK_ATTEMPTS ? retryDelayAfter(target.attempt) : null;
    if (delay === null) {
      await setDelivery(tx, target, { state: 'failed', nextAttemptAt: null, lastError, status: result.status, now });
      return 'failed';
    }
    const at = new Date(now.getTime() + delay);
    await setDelivery(tx, target, { state: 'pending', nextAttemptAt: at, lastError, status: result.status, now });
    await queueDelivery(tx, target.deliveryId, at);
    return 'retry';
  });
}

/** Queues (or moves) the delivery's job to run at `at`. */
export async function queueDelivery(tx: Pick<Tx, 'execute'>, deliveryId: string, at: Date): Promise<void> {
  await tx.execute(sql`
    SELECT graphile_worker.add_job(${DELIVER_WEBHOOK_JOB}, json_build_object('deliveryId', ${deliveryId}::text),
      run_at => ${at.toISOString()}::timestamptz, max_attempts => 3, job_key => ${`webhook:${deliveryId}`})`);
}

function describeFailure(result: AttemptResult): string {
  if (result.status === null) return result.excerpt;
  return `The endpoint answered HTTP ${result.status}.`;
}

function disableReason(target: AttemptTarget, result: AttemptResult, now: Date): string | null {
  if (result.status === 410)
    return 'The endpoint answered 410 Gone, which asks senders to stop. Turn it on again once it accepts messages.';
  const since = target.endpoint.failingSince;
  if (since !== null && now.getTime() - since.getTime() >= DISABLE_AFTER_FAILING_DAYS * 86_400_000)
    return `No message reached the endpoint for ${DISABLE_AFTER_FAILING_DAYS} days (since ${since.toISOString()}).`;
  return null;
}

async function setDelivery(
  tx: Tx,
  target: AttemptTarget,
  fields: {
    state: 'pending' | 'delivered' | 'failed';
    nextAttemptAt: Date | null;
    lastError: string | null;
    status: number | null;
    now: Date;
  },
): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({
      state: fields.state,
      attempts: target.attempt,
      nextAttemptAt: fields.nextAttemptAt,
      lastStatus: fields.status,
      lastError: fields.lastError,
      updatedAt: fields.now,
    })
    .where(eq(webhookDeliveries.id, target.deliveryId));
}

async function disableEndpoint(tx: Tx, endpoint: AttemptTarget['endpoint'], reason: string): Promise<void> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason, updatedAt: new Date() })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id, updatedAt: webhookEndpoints.updatedAt });
  if (row === undefined) return;
  await notify(tx, {
    workspaceId: endpoint.workspaceId,
    kind: 'webhook_disabled',
    audience: { type: 'managers' },
    title: 'A webhook endpoint was turned off',
    body: `Plume stopped sending events to ${endpoint.url}. ${reason} While it is off no events are sent to it; the failed deliveries stay in its delivery log, to replay once it works again.`,
    link: `/w/${endpoint.workspaceId}/webhooks`,
    dedupeKey: `webhook_disabled:${endpoint.id}:${row.updatedAt.toISOString()}`,
  });
}
