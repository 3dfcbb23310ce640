/**
 * Answers to identical requests, per workspace and model, kept in PostgreSQL until they expire.
 * "Identical" is after normalization: whitespace runs collapsed and ends trimmed, keys in one order.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { ModelAnswer, ModelCall } from '../provider-contract.ts';

export type CachedAnswer = Pick<ModelAnswer, 'text' | 'inputTokens' | 'outputTokens' | 'finishReason' | 'model'>;

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The cache key of a call on one provider and model. */
export function cacheKey(workspaceId: string, provider: string, model: string, call: ModelCall): string {
  const canonical = JSON.stringify([
    workspaceId,
    provider,
    model,
    normalize(call.system ?? ''),
    call.messages.map((message) => [message.role, normalize(message.content)]),
    call.responseFormat ?? 'text',
    call.temperature ?? null,
    call.maxOutputTokens ?? null,
    call.numCtx ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The live answers among `keys`, by key; counts the hits. */
export async function findCached(db: Database, keys: readonly string[], now: Date): Promise<Map<string, CachedAnswer>> {
  if (keys.length === 0) return new Map();
  const result = await db.execute<{ key: string; answer: CachedAnswer }>(sql`
    UPDATE llm_cache SET hits = hits + 1
    WHERE key IN (${sql.join(keys.map((key) => sql`${key}`), sql`, `)}) AND expires_at > ${now}
    RETURNING key, answer`);
  return new Map(result.rows.map((row) => [row.key, row.answer]));
}

export async function storeCached(db: Database, input: { key: string; workspaceId: string; answer: CachedAnswer; ttlSeconds: number; now: Date }): Promise<void> {
  const expiresAt = new Date(input.now.getTime() + input.ttlSeconds * 1000);
  const answer = JSON.stringify(input.answer);
  await db.execute(sql`
    INSERT INTO llm_cache (key, workspace_id, answer, expires_at, created_at)
    VALUES (${input.key}, ${input.workspaceId}, ${answer}::jsonb, ${expiresAt}, ${input.now})
    ON CONFLICT (key) DO UPDATE SET answer = excluded.answer, expires_at = excluded.expires_at, created_at = excluded.created_at, hits = 0`);
}
