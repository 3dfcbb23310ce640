/**
 * Workspace webhook endpoints: create (the secret is returned once), change, delete and rotate the
 * secret (the old one keeps signing for SECRET_ROTATION_OVERLAP_HOURS). Every change is audited; the
 * audit never holds a secret.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { WebhookEventType } from '@plume/contract/webhooks/webhook-events';
import type { Database } from '@plume/db/client';
import { webhookEndpoints } from '@plume/db/schema/webhooks';
import { AppError } from '@plume/errors/app-error';
import type { SsrfGuard } from '@plume/http/ssrf-guard';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { checkWebhookUrl } from './check-webhook-url.ts';
import { SECRET_ROTATION_OVERLAP_HOURS } from './webhook-schedule.ts';
import { generateWebhookSecret } from './webhook-signature.ts';

export type WebhookAdminDeps = { db: Database; keyring: Keyring; guard: SsrfGuard };
type EndpointRow = typeof webhookEndpoints.$inferSelect;
type Scope = { workspaceId: string; actor: AuditActor };

export type WebhookView = Omit<
  EndpointRow,
  'workspaceId' | 'secretCiphertext' | 'previousSecretCiphertext' | 'createdBy'
>;

export function toWebhookView(row: EndpointRow): WebhookView {
  const { workspaceId, secretCiphertext, previousSecretCiphertext, createdBy, ...view } = row;
  void [workspaceId, secretCiphertext, previousSecretCiphertext, createdBy];
  return view;
}

export async function listWebhooks(db: Database, workspaceId: string): Promise<WebhookView[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, workspaceId))
    .orderBy(desc(webhookEndpoints.createdAt));
  return rows.map(toWebhookView);
}

/** The endpoint, if it is this workspace's; another workspace's reads as not found. */
export async function findWebhook(db: Pick<Database, 'select'>, workspaceId: string, id: string): Promise<EndpointRow> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)));
  if (row === undefined) throw AppError.notFound('webhook');
  return row;
}

export async function createWebhook(
  deps: WebhookAdminDeps,
  input: Scope & { url: string; description: string; eventTypes: WebhookEventType[] },
): Promise<WebhookView & { secret: string }> {
  await checkWebhookUrl(deps.guard, input.url);
  const secret = generateWebhookSecret();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        workspaceId: input.workspaceId,
        url: input.url,
        description: input.description,
        eventTypes: [...new Set(input.eventTypes)],
        secretCiphertext: deps.keyring.encrypt(secret),
        createdBy: input.actor.type === 'user' ? input.actor.id : null,
      })
      .returning();
    if (row === undefined) throw new Error('webhook insert returned no row');
    await recordAudit(tx, input.workspaceId, input.actor, 'webhook.created', 'webhook', row.id, {
      url: row.url,
      eventTypes: row.eventTypes,
    });
    return { ...toWebhookView(row), secret };
  });
}

export async function updateWebhook(
  deps: WebhookAdminDeps,
  input: Scope & {
    webhookId: string;
    changes: { url?: string; description?: string; eventTypes?: WebhookEventType[]; enabled?: boolean };
  },
): Promise<WebhookView> {
  const { changes } = input;
  if (changes.url !== undefined) await checkWebhookUrl(deps.guard, changes.url);
  return deps.db.transaction(async (tx) => {
    await findWebhook(tx, input.workspaceId, input.webhookId);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...changes,
        ...(changes.eventTypes === undefined ? {} : { eventTypes: [...new Set(changes.eventTypes)] }),
        // Turning it on again starts afresh: no reason, no failing streak.
        ...(changes.enabled === true ? { disabledReason: null, failingSince: null } : {}),
        ...(changes.enabled === false ? { disabledReason: `Turned off by ${input.actor.name ?? 'a member'}.` } : {}),
        updatedAt: new Date(),
      })
      .where(eq(webhookEndpoints.id, input.webhookId))
      .returning();
    if (row === undefined) throw AppError.notFound('webhook');
    await recordAudit(tx, input.workspaceId, input.actor, 'webhook.updated', 'webhook', row.id, { ...changes });
    return toWebhookView(row);
  });
}

export async function deleteWebhook(db: Database, input: Scope & { webhookId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findWebhook(tx, input.workspaceId, input.webhookId);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
    await recordAudit(tx, input.workspaceId, input.actor, 'webhook.deleted', 'webhook', row.id, { url: row.url });
  });
}

/**
 * A new secret; the current one becomes the previous one and keeps signing (beside the new one) for
 * SECRET_ROTATION_OVERLAP_HOURS, so receivers can switch without losing a message. Rotating again
 * within the overlap drops the oldest.
 */
export async function rotateWebhookSecret(
  deps: Pick<WebhookAdminDeps, 'db' | 'keyring'>,
  input: Scope & { webhookId: string; now?: Date },
): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
  const secret = generateWebhookSecret();
  const previousSecretExpiresAt = new Date(
    (input.now ?? new Date()).getTime() + SECRET_ROTATION_OVERLAP_HOURS * 3_600_000,
  );
  return deps.db.transaction(async (tx) => {
    const row = await findWebhook(tx, input.workspaceId, input.webhookId);
    await tx
      .update(webhookEndpoints)
      .set({
        secretCiphertext: deps.keyring.encrypt(secret),
        previousSecretCiphertext: row.secretCiphertext,
        previousSecretExpiresAt,
        updatedAt: new Date(),
      })
      .where(eq(webhookEndpoints.id, row.id));
    await recordAudit(tx, input.workspaceId, input.actor, 'webhook.secret_rotated', 'webhook', row.id, {
      previousSecretExpiresAt: previousSecretExpiresAt.toISOString(),
    });
    return { secret, previousSecretExpiresAt };
  });
}
