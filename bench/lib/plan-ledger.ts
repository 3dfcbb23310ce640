// The gateway's ledger for a phase of the plan bench: calls, prompt tokens as the provider reported them,
// and the time each call took as the gateway measured it (from sending to the answer's last chunk).
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { llmUsage } from '@plume/db/schema/llm';

export type LedgerFigures = { calls: number; inputTokens: number; callMs: number; cacheHits: number };

export async function ledgerBetween(db: Database, workspaceId: string, from: Date, to: Date): Promise<LedgerFigures> {
  const [row] = await db
    .select({
      calls: sql<number>`count(*)::int`,
      inputTokens: sql<number>`coalesce(sum(${llmUsage.inputTokens}), 0)::int`,
      callMs: sql<number>`coalesce(sum(${llmUsage.latencyMs}), 0)::int`,
      cacheHits: sql<number>`count(*) filter (where ${llmUsage.cacheHit})::int`,
    })
    .from(llmUsage)
    .where(and(eq(llmUsage.workspaceId, workspaceId), gte(llmUsage.createdAt, from), lte(llmUsage.createdAt, to)));
  return row ?? { calls: 0, inputTokens: 0, callMs: 0, cacheHits: 0 };
}
