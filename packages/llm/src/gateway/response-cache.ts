/**
 * Answers to identical requests, per workspace and model, kept in PostgreSQL until they expire.
 * "Identical" is after normalization: whitespace runs collapsed and ends trimmed, keys in one order.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { ModelAnswer, ModelCall } from '../provider-contract.ts';
import { executePrepared } from './prepared.ts';
import { budgetQuery, readBudget, toBudgetView, type BudgetRow, type BudgetView } from './budget.ts';

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

/**
 * The budget and the live answers among `keys` in one read-only statement: the gateway's single round
 * trip before it calls a model. The served answer's hit is counted with its ledger row (`countHit`).
 */
export async function readBudgetAndCache(db: Database, workspaceId: string, keys: readonly string[], now: Date): Promise<{ budget: BudgetView; hits: Map<string, CachedAnswer> }> {
  if (keys.length === 0) return { budget: await readBudget(db, workspaceId, now), hits: new Map() };
  const live = sql`SELECT coalesce(json_agg(json_build_object('key', c.key, 'answer', c.answer)), '[]'::json) FROM llm_cache c
    WHERE c.key IN (${sql.join(keys.map((key) => sql`${key}`), sql`, `)}) AND c.expires_at > ${now}`;
  const result = await executePrepared<BudgetRow & { hits: { key: string; answer: CachedAnswer }[] }>(db, budgetQuery(workspaceId, now, sql`, (${live}) AS hits`));
  const row = result.rows[0];
  return { budget: toBudgetView(row), hits: new Map((row?.hits ?? []).map((item) => [item.key, item.answer])) };
}

/** The statement that counts a served answer; `recordUsage` runs it with the hit's ledger row. */
export function countHit(key: string): SQL {
  return sql`UPDATE llm_cache SET hits = hits + 1 WHERE key = ${key}`;
}

export type CacheEntry = { key: string; workspaceId: string; answer: CachedAnswer; ttlSeconds: number; now: Date };

/** The statement that stores (or replaces) an answer; `recordUsage` runs it with the ledger row. */
export function cacheUpsert(input: CacheEntry): SQL {
  const expiresAt = new Date(input.now.getTime() + input.ttlSeconds * 1000);
  const answer = JSON.stringify(input.answer);
  return sql`
    INSERT INTO llm_cache (key, workspace_id, answer, expires_at, created_at)
    VALUES (${input.key}, ${input.workspaceId}, ${answer}::jsonb, ${expiresAt}, ${input.now})
    ON CONFLICT (key) DO UPDATE SET answer = excluded.answer, expires_at = excluded.expires_at, created_at = excluded.created_at, hits = 0`;
}

export async function storeCached(db: Database, input: CacheEntry): Promise<void> {
  await db.execute(cacheUpsert(input));
}
