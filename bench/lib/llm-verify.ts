// After `npm run bench:llm` has run, checks that the gateway did its work: one ledger row per call
// (misses priced and counted as requests, hits not), one cache entry per miss, every hit counted on
// its entry, and that the fake answered exactly the calls that should have reached a model.
import { sql } from 'drizzle-orm';
import type { LlmStack } from './llm-setup.ts';

export type Expected = { misses: number; hits: number; directCalls: number };

export type Check = { what: string; expected: number; actual: number };

export async function verifyLedger(stack: LlmStack, expected: Expected): Promise<Check[]> {
  const { db, workspaceId } = stack;
  const ledger = await db.execute<{
    misses: number;
    hits: number;
    other: number;
    cost: string;
    requests: number | null;
  }>(sql`
    SELECT count(*) FILTER (WHERE NOT cache_hit AND outcome = 'ok' AND provider = 'ollama' AND price_version = 'local' AND latency_ms >= 0)::int AS misses,
           count(*) FILTER (WHERE cache_hit AND outcome = 'ok' AND provider = 'ollama' AND cost_micros = 0)::int AS hits,
           count(*) FILTER (WHERE outcome <> 'ok')::int AS other,
           coalesce(sum(cost_micros), 0) AS cost,
           (SELECT sum(requests)::int FROM llm_spend WHERE workspace_id = ${workspaceId} AND period LIKE 'day:%') AS requests
    FROM llm_usage WHERE workspace_id = ${workspaceId}`);
  const cache = await db.execute<{ entries: number; hits: number }>(sql`
    SELECT count(*)::int AS entries, coalesce(sum(hits), 0)::int AS hits FROM llm_cache WHERE workspace_id = ${workspaceId}`);
  const row = ledger.rows[0];
  const cached = cache.rows[0];
  return [
    {
      what: 'ledger rows for answered misses (provider ollama, price version local)',
      expected: expected.misses,
      actual: row?.misses ?? -1,
    },
    { what: 'ledger rows for cache hits (cost 0)', expected: expected.hits, actual: row?.hits ?? -1 },
    { what: 'ledger rows with another outcome', expected: 0, actual: row?.other ?? -1 },
    { what: 'total cost in the ledger (local model), micro-dollars', expected: 0, actual: Number(row?.cost ?? -1) },
    {
      what: 'requests counted against the daily cap (misses only)',
      expected: expected.misses,
      actual: row?.requests ?? -1,
    },
    { what: 'cache entries written (one per miss)', expected: expected.misses, actual: cached?.entries ?? -1 },
    { what: 'hits counted on cache entries', expected: expected.hits, actual: cached?.hits ?? -1 },
    {
      what: '/api/chat calls the fake answered (direct + provider + misses)',
      expected: expected.directCalls + expected.misses,
      actual: stack.chatCalls(),
    },
  ];
}

export const failedChecks = (checks: readonly Check[]) => checks.filter((check) => check.expected !== check.actual);
