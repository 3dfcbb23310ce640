import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { apiKeys, type ApiKeyScope } from '@plume/db/schema/api-keys';
import { users } from '@plume/db/schema/auth';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { generateApiKeyToken } from './api-key-token.ts';

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  createdBy: string | null;
};

const columns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
  createdBy: users.name,
};

export async function listApiKeys(db: Database, workspaceId: string): Promise<ApiKeyView[]> {
  return db
    .select(columns)
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

/** Creates a key and returns its secret: the only moment it exists outside a hash. */
export async function createApiKey(
  db: Database,
  input: {
    workspaceId: string;
    name: string;
    scopes: ApiKeyScope[];
    expiresInDays?: number | undefined;
    actor: AuditActor;
  },
): Promise<ApiKeyView & { key: string }> {
  const { token, prefix, hash } = generateApiKeyToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: input.workspaceId,
        name: input.name,
        prefix,
        keyHash: hash,
        scopes: [...new Set(input.scopes)],
        createdBy: input.actor.type === 'user' ? input.actor.id : null,
        expiresAt,
      })
      .returning();
    if (!row) throw new Error('API key insert returned no row');
    await recordAudit(tx, input.workspaceId, input.actor, 'api_key.created', 'api_key', row.id, {
      name: row.name,
      scopes: row.scopes,
    });
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes,
      createdAt: row.createdAt,
      lastUsedAt: null,
      expiresAt: row.expiresAt,
      createdBy: input.actor.name,
      key: token,
    };
  });
}

export async function revokeApiKey(
  db: Database,
  input: { workspaceId: string; apiKeyId: string; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, input.apiKeyId), eq(apiKeys.workspaceId, input.workspaceId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!row) throw AppError.notFound('API key');
    await recordAudit(tx, input.workspaceId, input.actor, 'api_key.revoked', 'api_key', row.id, { name: row.name });
  });
}
