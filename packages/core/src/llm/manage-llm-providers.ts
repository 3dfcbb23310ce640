/**
 * A workspace's own model providers: cloud keys and self-hosted OpenAI-compatible servers. Keys are
 * encrypted before they are stored and never leave the server again; views say only whether one is set.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { llmProviders } from '@plume/db/schema/llm';
import { AppError } from '@plume/errors/app-error';
import type { ProviderKind } from '@plume/llm/provider-contract';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { Keyring } from '../secrets/keyring.ts';

export type WorkspaceProviderView = {
  providerId: string;
  kind: ProviderKind;
  baseUrl: string | null;
  hasKey: boolean;
  enabled: boolean;
  updatedAt: string;
};

/** Kinds that need a key: everything but local servers, which may run without one. */
const KEYLESS_KINDS: readonly ProviderKind[] = ['ollama', 'openai_compatible'];

export async function listWorkspaceProviders(db: Database, workspaceId: string): Promise<WorkspaceProviderView[]> {
  const rows = await db
    .select()
    .from(llmProviders)
    .where(eq(llmProviders.workspaceId, workspaceId))
    .orderBy(llmProviders.providerId);
  return rows.map(toView);
}

export type ProviderInput = {
  providerId: string;
  kind: ProviderKind;
  baseUrl?: string | null;
  /** A new key; absent keeps the stored one, null removes it. */
  apiKey?: string | null;
  enabled?: boolean;
};

/** Adds or updates a provider; one audit event says what changed (never the key itself). */
export async function saveWorkspaceProvider(
  deps: { db: Database; keyring: Keyring },
  input: { workspaceId: string; actor: AuditActor; provider: ProviderInput },
): Promise<WorkspaceProviderView> {
  const { provider } = input;
  if (provider.kind === 'openai_compatible' && !provider.baseUrl)
    throw AppError.validation(
      'body/baseUrl',
      'A self-hosted OpenAI-compatible server needs its base URL, e.g. http://10.0.0.5:8000/v1.',
    );
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(llmProviders)
      .where(and(eq(llmProviders.workspaceId, input.workspaceId), eq(llmProviders.providerId, provider.providerId)))
      .for('update');
    if (existing && existing.kind !== provider.kind)
      throw AppError.conflict(
        `"${provider.providerId}" is already a ${existing.kind} provider; remove it first to change its kind.`,
      );
    const keyCiphertext =
      provider.apiKey === undefined
        ? (existing?.apiKeyCiphertext ?? null)
        : provider.apiKey === null
          ? null
          : deps.keyring.encrypt(provider.apiKey);
    if (keyCiphertext === null && !KEYLESS_KINDS.includes(provider.kind))
      throw AppError.validation('body/apiKey', `A ${provider.kind} provider needs an API key.`);
    const values = {
      kind: provider.kind,
      baseUrl: provider.baseUrl === undefined ? (existing?.baseUrl ?? null) : provider.baseUrl,
      apiKeyCiphertext: keyCiphertext,
      enabled: provider.enabled ?? existing?.enabled ?? true,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx.update(llmProviders).set(values).where(eq(llmProviders.id, existing.id)).returning()
      : await tx
          .insert(llmProviders)
          .values({ workspaceId: input.workspaceId, providerId: provider.providerId, ...values })
          .returning();
    if (!row) throw new Error('saving the provider returned no row');
    await recordAudit(
      tx,
      input.workspaceId,
      input.actor,
      existing ? 'llm_provider.updated' : 'llm_provider.added',
      'llm_provider',
      row.providerId,
      {
        kind: row.kind,
        baseUrl: row.baseUrl,
        keyChanged: provider.apiKey !== undefined,
        enabled: row.enabled,
      },
    );
    return toView(row);
  });
}

export async function removeWorkspaceProvider(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; providerId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(llmProviders)
      .where(and(eq(llmProviders.workspaceId, input.workspaceId), eq(llmProviders.providerId, input.providerId)))
      .returning({ providerId: llmProviders.providerId });
    if (removed.length === 0) throw AppError.notFound('provider');
    await recordAudit(tx, input.workspaceId, input.actor, 'llm_provider.removed', 'llm_provider', input.providerId);
  });
}

function toView(row: typeof llmProviders.$inferSelect): WorkspaceProviderView {
  return {
    providerId: row.providerId,
    kind: row.kind as ProviderKind,
    baseUrl: row.baseUrl,
    hasKey: row.apiKeyCiphertext !== null,
    enabled: row.enabled,
    updatedAt: row.updatedAt.toISOString(),
  };
}
