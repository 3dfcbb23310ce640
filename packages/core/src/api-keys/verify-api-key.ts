import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { apiKeys, type ApiKeyScope } from '@plume/db/schema/api-keys';
import { hashApiKeyToken } from './api-key-token.ts';

export type VerifiedApiKey = { id: string; workspaceId: string; name: string; scopes: ApiKeyScope[] };

/**
 * Looks a presented key up by its hash. Revoked and expired keys do not verify. `last_used_at` is
 * written at most once a minute per key so a busy integration does not turn reads into writes.
 */
export async function verifyApiKey(db: Database, token: string): Promise<VerifiedApiKey | null> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKeyToken(token)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiKeys.id, row.id));
  }
  return { id: row.id, workspaceId: row.workspaceId, name: row.name, scopes: row.scopes };
}
