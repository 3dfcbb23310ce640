/**
 * The usage ledger on PostgreSQL: one row per model call (answered, failed, refused or served from the
 * cache), the running spend of the call's day and month, and the answer's cache entry or hit count, all
 * written in one statement.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import {
  periodsOf,
  type CacheEntry,
  type CacheWrite,
  type PeriodSpend,
  type UsageRecord,
} from '@plume/llm/gateway/gateway-store';
import { executePrepared } from './execute-prepared.ts';

/** The statement that stores (or replaces) an answer. */
function cacheUpsert(input: CacheEntry): SQL {
  const expiresAt = new Date(input.now.getTime() + input.ttlSeconds * 1000);
  const answer = JSON.stringify(input.answer);
  return sql`
    INSERT INTO llm_cache (key, workspace_id, answer, expires_at, created_at)
    VALUES (${input.key}, ${input.workspaceId}, ${answer}::jsonb, ${expiresAt}, ${input.now})
    ON CONFLICT (key) DO UPDATE SET answer = excluded.answer, expires_at = excluded.expires_at, created_at = excluded.created_at, hits = 0`;
}

function cacheStatement(cache: CacheWrite): SQL {
  return 'countHitOf' in cache
    ? sql`UPDATE llm_cache SET hits = hits + 1 WHERE key = ${cache.countHitOf}`
    : cacheUpsert(cache.store);
}

/**
 * Writes the ledger row and adds it to the period totals; returns the row id and the new totals.
 * `cache` (store the answer, or count a served one) runs in the same statement.
 *
 * This one statement commits asynchronously (`synchronous_commit = off` for its own transaction only):
 * the caller gets the answer without waiting for the WAL flush (≈ 0.2 ms here, a fifth of the gateway's
 * cost). Visibility is immediate; only a crash of PostgreSQL or the machine within ~0.6 s of the call can
 * lose the row, never leaving the ledger and the totals out of step (docs/decisions.md, 2026-12-04).
 */
export async function recordUsage(
  db: Database,
  record: UsageRecord,
  at: Date,
  cache?: CacheWrite,
): Promise<{ id: string; spend: PeriodSpend[] }> {
  const { day, month } = periodsOf(at);
  const requests = record.countsAsRequest ? 1 : 0;
  const result = await executePrepared<{
    id: string;
    period: string;
    cost_micros: string;
    requests: number;
    alerted: number[];
  }>(
    db,
    sql`
    WITH commit_mode AS (SELECT set_config('synchronous_commit', 'off', true) AS value),
    usage AS (
      INSERT INTO llm_usage (workspace_id, user_id, task, provider, model, input_tokens, output_tokens, latency_ms, first_token_ms,
                             cost_micros, price_version, cache_hit, fallback_chain, outcome, created_at)
      VALUES (${record.workspaceId}, ${record.userId ?? null}, ${record.task}, ${record.provider}, ${record.model}, ${record.inputTokens},
              ${record.outputTokens}, ${Math.round(record.latencyMs)}, ${record.firstTokenMs === undefined || record.firstTokenMs === null ? null : Math.round(record.firstTokenMs)},
              ${record.costMicros}, ${record.priceVersion ?? null}, ${record.cacheHit}, ${JSON.stringify(record.fallbackChain)}::jsonb, ${record.outcome}, ${at})
      RETURNING id
    ), spend AS (
      INSERT INTO llm_spend (workspace_id, period, cost_micros, requests)
      VALUES (${record.workspaceId}, ${day}, ${record.costMicros}, ${requests}), (${record.workspaceId}, ${month}, ${record.costMicros}, ${requests})
      ON CONFLICT (workspace_id, period) DO UPDATE
        SET cost_micros = llm_spend.cost_micros + excluded.cost_micros, requests = llm_spend.requests + excluded.requests
      RETURNING period, cost_micros, requests, alerted
    )${cache === undefined ? sql`` : sql`, also AS (${cacheStatement(cache)})`}
    SELECT (SELECT id FROM usage) AS id, period, cost_micros, requests, alerted FROM spend CROSS JOIN commit_mode`,
  );
  const first = result.rows[0];
  if (first === undefined) throw new Error('recording LLM usage returned no row');
  return {
    id: first.id,
    spend: result.rows.map((row) => ({
      period: row.period,
      costMicros: Number(row.cost_micros),
      requests: row.requests,
      alerted: row.alerted,
    })),
  };
}

/**
 * Marks an alert threshold as announced for a period; true only for the one caller that marked it,
 * so each alert goes out once even with many processes.
 */
export async function claimAlert(
  db: Database,
  workspaceId: string,
  period: string,
  threshold: number,
): Promise<boolean> {
  const result = await db.execute(sql`
    UPDATE llm_spend SET alerted = alerted || ${JSON.stringify([threshold])}::jsonb
    WHERE workspace_id = ${workspaceId} AND period = ${period} AND NOT alerted @> ${JSON.stringify([threshold])}::jsonb`);
  return (result.rowCount ?? 0) > 0;
}
