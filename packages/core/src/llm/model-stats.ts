/**
 * Model statistics from the usage ledger: per provider, model and task over a window — success rate,
 * latency percentiles, cost per 1k tokens, average quality, usage. The router reads them for the
 * `fastest` and `best_quality` modes; the Models page and the recommendations show them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export type ModelStats = {
  provider: string;
  model: string;
  task: string;
  calls: number;
  successRate: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p50FirstTokenMs: number | null;
  costPer1kTokensMicros: number | null;
  totalCostMicros: number;
  inputTokens: number;
  outputTokens: number;
  avgQuality: number | null;
  cacheHits: number;
};

/**
 * Statistics for a workspace (or, with `workspaceId: null`, the whole instance) since `since` (and before `until`).
 * Cache hits count as usage but not in latency, which measures the models.
 */
export async function readModelStats(
  db: Database,
  input: { workspaceId: string | null; since: Date; until?: Date; task?: string },
): Promise<ModelStats[]> {
  const result = await db.execute<{
    provider: string;
    model: string;
    task: string;
    calls: number;
    ok: number;
    p50: number | null;
    p95: number | null;
    ttft: number | null;
    cost: string;
    input_tokens: string;
    output_tokens: string;
    quality: number | null;
    cache_hits: number;
  }>(sql`
    SELECT provider, model, task,
           count(*)::int AS calls,
           count(*) FILTER (WHERE outcome = 'ok')::int AS ok,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'ok' AND NOT cache_hit) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'ok' AND NOT cache_hit) AS p95,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY first_token_ms) FILTER (WHERE outcome = 'ok' AND NOT cache_hit) AS ttft,
           coalesce(sum(cost_micros), 0) AS cost,
           coalesce(sum(input_tokens), 0) AS input_tokens,
           coalesce(sum(output_tokens), 0) AS output_tokens,
           avg(quality_score)::float AS quality,
           count(*) FILTER (WHERE cache_hit)::int AS cache_hits
    FROM llm_usage
    WHERE created_at >= ${input.since}
      ${input.until === undefined ? sql`` : sql`AND created_at < ${input.until}`}
      AND provider <> ''
      ${input.workspaceId === null ? sql`` : sql`AND workspace_id = ${input.workspaceId}`}
      ${input.task === undefined ? sql`` : sql`AND task = ${input.task}`}
    GROUP BY provider, model, task
    ORDER BY calls DESC, provider, model, task`);
  return result.rows.map((row) => {
    const tokens = Number(row.input_tokens) + Number(row.output_tokens);
    const cost = Number(row.cost);
    return {
      provider: row.provider,
      model: row.model,
      task: row.task,
      calls: row.calls,
      successRate: row.calls === 0 ? 0 : row.ok / row.calls,
      p50LatencyMs: row.p50 === null ? null : Math.round(row.p50),
      p95LatencyMs: row.p95 === null ? null : Math.round(row.p95),
      p50FirstTokenMs: row.ttft === null ? null : Math.round(row.ttft),
      costPer1kTokensMicros: tokens === 0 ? null : Math.round((cost * 1000) / tokens),
      totalCostMicros: cost,
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      avgQuality: row.quality === null ? null : Math.round(row.quality * 10) / 10,
      cacheHits: row.cache_hits,
    };
  });
}

/** Records the quality score the content studio gave an answer, so `best_quality` can learn from it. */
export async function recordQuality(db: Database, usageId: string, workspaceId: string, score: number): Promise<void> {
  await db.execute(
    sql`UPDATE llm_usage SET quality_score = ${Math.max(0, Math.min(100, Math.round(score)))} WHERE id = ${usageId} AND workspace_id = ${workspaceId}`,
  );
}
