/**
 * A workspace's own model providers: cloud keys and self-hosted OpenAI-compatible servers. Keys are
 * encrypted before they are stored and never leave the server again; views say only whether one is set.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { llmProviders } from '@plume/db/schema/llm';
import { AppError } from '@plume/errors/app-error';
import type { MediaProviderKind } from '@plume/contract/media/media-enums';
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

/** `text`: language models (this file's default); `media`: image, video and speech providers. */
export type ProviderPurpose = 'text' | 'media';

/** Kinds that need a key: everything but local servers, which may run without one. */
const KEYLESS_KINDS: Record<ProviderPurpose, readonly string[]> = {
  text: ['ollama', 'openai_compatible'],
  media: ['openai_compatible', 'automatic1111', 'comfyui', 'espeak'],
};

export async function listWorkspaceProviders(
  db: Database,
  workspaceId: string,
  purpose: ProviderPurpose = 'text',
): Promise<WorkspaceProviderView[]> {
  const rows = await db
    .select()
    .from(llmProviders)
    .where(and(eq(llmProviders.workspaceId, workspaceId), eq(llmProviders.purpose, purpose)))
    .orderBy(llmProviders.providerId);
  return rows.map(toView);
}

export type ProviderInput = {
  providerId: string;
  kind: ProviderKind | MediaProviderKind;
  baseUrl?: string | null;
  /** A new key; absent keeps the stored one, null removes it. */
  apiKey?: string | null;
  enabled?: boolean;
};

/** Adds or updates a provider; one audit event says what changed (never the key itself). */
export async function saveWorkspaceProvider(
  deps: { db: Database; keyring: Keyring },
  input: { workspaceId: string; actor: AuditActor; provider: ProviderInput; purpose?: ProviderPurpose },
): Promise<WorkspaceProviderView> {
  const { provider } = input;
  const purpose = input.purpose ?? 'text';
  if (provider.kind === 'openai_compatible' && !provider.baseUrl)
    throw AppError.validation(
      'body/baseUrl',
      'A self-hosted OpenAI-compatible server needs its base URL, e.g. http://10.0.0.5:8000/v1.',
    );
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(llmProviders)
      .where(
        and(
          eq(llmProviders.workspaceId, input.workspaceId),
          eq(llmProviders.purpose, purpose),
          eq(llmProviders.providerId, provider.providerId),
        ),
      )
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
    if (keyCiphertext === null && !KEYLESS_KINDS[purpose].includes(provider.kind))
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
          .values({ workspaceId: input.workspaceId, providerId: provider.providerId, purpose, ...values })
          .returning();
    if (!row) throw new Error('saving the provider returned no row');
    await recordAudit(
      tx,
      input.workspaceId,
      input.actor,
      `${purpose === 'media' ? 'media' : 'llm'}_provider.${existing ? 'updated' : 'added'}`,
      `${purpose === 'media' ? 'media' : 'llm'}_provider`,
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
  input: { workspaceId: string; actor: AuditActor; providerId: string; purpose?: ProviderPurpose },
): Promise<void> {
  const purpose = input.purpose ?? 'text';
  const prefix = purpose === 'media' ? 'media' : 'llm';
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(llmProviders)
      .where(
        and(
          eq(llmProviders.workspaceId, input.workspaceId),
          eq(llmProviders.purpose, purpose),
          eq(llmProviders.providerId, input.providerId),
        ),
      )
      .returning({ providerId: llmProviders.providerId });
    if (removed.length === 0) throw AppError.notFound('provider');
    await recordAudit(
      tx,
      input.workspaceId,
      input.actor,
      `${prefix}_provider.removed`,
      `${prefix}_provider`,
      input.providerId,
    );
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
