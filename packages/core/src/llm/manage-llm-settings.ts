/**
 * A workspace's routing policies (per task) and budget. Stored policies replace the built-in default
 * for their task; removing one goes back to the default.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { llmBudgets, llmRoutingPolicies } from '@plume/db/schema/llm';
import { type BudgetLimits, type BudgetView } from '@plume/llm/gateway/budget';
import { readBudget } from './read-budget.ts';
import type { RoutingPolicy } from '@plume/llm/gateway/routing';
import type { MediaTask } from '@plume/contract/media/media-enums';
import type { LlmTask } from '@plume/llm/provider-contract';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';

/** Policies are kept per LLM task and per media task (`image`, `video`, `speech`) in the same table. */
export type PolicyTask = LlmTask | MediaTask;

export async function readStoredPolicies(db: Database, workspaceId: string): Promise<Map<string, RoutingPolicy>> {
  const rows = await db.select().from(llmRoutingPolicies).where(eq(llmRoutingPolicies.workspaceId, workspaceId));
  return new Map(rows.map((row) => [row.task, { mode: row.mode, candidates: row.candidates }]));
}

export async function readStoredPolicy(
  db: Database,
  workspaceId: string,
  task: PolicyTask,
): Promise<RoutingPolicy | null> {
  const [row] = await db
    .select({ mode: llmRoutingPolicies.mode, candidates: llmRoutingPolicies.candidates })
    .from(llmRoutingPolicies)
    .where(and(eq(llmRoutingPolicies.workspaceId, workspaceId), eq(llmRoutingPolicies.task, task)));
  return row ?? null;
}

export async function savePolicy(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; task: PolicyTask; policy: RoutingPolicy },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(llmRoutingPolicies)
      .values({
        workspaceId: input.workspaceId,
        task: input.task,
        mode: input.policy.mode,
        candidates: input.policy.candidates,
      })
      .onConflictDoUpdate({
        target: [llmRoutingPolicies.workspaceId, llmRoutingPolicies.task],
        set: { mode: input.policy.mode, candidates: input.policy.candidates, updatedAt: new Date() },
      });
    await recordAudit(tx, input.workspaceId, input.actor, 'llm_policy.saved', 'llm_policy', input.task, {
      ...input.policy,
    });
  });
}

/** Back to the built-in default for the task; true when there was a stored policy. */
export async function resetPolicy(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; task: PolicyTask },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(llmRoutingPolicies)
      .where(and(eq(llmRoutingPolicies.workspaceId, input.workspaceId), eq(llmRoutingPolicies.task, input.task)))
      .returning({ task: llmRoutingPolicies.task });
    if (removed.length > 0)
      await recordAudit(tx, input.workspaceId, input.actor, 'llm_policy.reset', 'llm_policy', input.task);
    return removed.length > 0;
  });
}

export type BudgetInput = Omit<BudgetLimits, 'degradeAtPercent'> & { degradeAtPercent?: number };

export async function saveBudget(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; budget: BudgetInput },
): Promise<BudgetView> {
  const values = { ...input.budget, degradeAtPercent: input.budget.degradeAtPercent ?? 80, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx
      .insert(llmBudgets)
      .values({ workspaceId: input.workspaceId, ...values })
      .onConflictDoUpdate({ target: llmBudgets.workspaceId, set: values });
    await recordAudit(tx, input.workspaceId, input.actor, 'llm_budget.saved', 'llm_budget', input.workspaceId, {
      ...input.budget,
    });
  });
  return readBudget(db, input.workspaceId, new Date());
}

export type CostRow = {
  day: string;
  provider: string;
  model: string;
  task: string;
  calls: number;
  costMicros: number;
  inputTokens: number;
  outputTokens: number;
  cacheHits: number;
  failures: number;
};

/** Cost per day, provider, model and task between two instants (UTC days), for the cost analysis. */
export async function readCostBreakdown(
  db: Database,
  input: { workspaceId: string; from: Date; to: Date },
): Promise<CostRow[]> {
  const result = await db.execute<{
    day: string;
    provider: string;
    model: string;
    task: string;
    calls: number;
    cost: string;
    input_tokens: string;
    output_tokens: string;
    cache_hits: number;
    failures: number;
  }>(sql`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, provider, model, task,
           count(*)::int AS calls, coalesce(sum(cost_micros), 0) AS cost,
           coalesce(sum(input_tokens), 0) AS input_tokens, coalesce(sum(output_tokens), 0) AS output_tokens,
           count(*) FILTER (WHERE cache_hit)::int AS cache_hits,
           count(*) FILTER (WHERE outcome <> 'ok')::int AS failures
    FROM llm_usage
    WHERE workspace_id = ${input.workspaceId} AND created_at >= ${input.from} AND created_at < ${input.to}
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  return result.rows.map((row) => ({
    day: row.day,
    provider: row.provider,
    model: row.model,
    task: row.task,
    calls: row.calls,
    costMicros: Number(row.cost),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    cacheHits: row.cache_hits,
    failures: row.failures,
  }));
}
