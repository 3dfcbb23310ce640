/**
 * The workspace's current strategy: one row, validated with the contract's schema on the way in and
 * out. Saving it also sets the workspace's monthly AI budget (the gateway's monthly money cap) when
 * the strategy names one; null leaves the cap set on the Models page as it is.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { llmBudgets } from '@plume/db/schema/llm';
import { workspaceStrategies } from '@plume/db/schema/strategy';
import { workspaceStrategySchema, type WorkspaceStrategy } from '@plume/contract/planning/strategy-schemas';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';

export type { WorkspaceStrategy };
export type StoredStrategy = WorkspaceStrategy & { updatedAt: Date };

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The workspace's strategy, or null before onboarding (or after a skipped one). */
export async function getWorkspaceStrategy(
  db: Pick<Database, 'select'>,
  workspaceId: string,
): Promise<StoredStrategy | null> {
  const [row] = await db.select().from(workspaceStrategies).where(eq(workspaceStrategies.workspaceId, workspaceId));
  if (!row) return null;
  return { ...workspaceStrategySchema.parse(row.strategy), updatedAt: row.updatedAt };
}

/** Sets the gateway's monthly money cap to the strategy's AI budget (other caps unchanged). */
async function applyAiBudget(tx: Tx, workspaceId: string, actor: AuditActor, usd: number | null): Promise<void> {
  if (usd === null) return;
  const monthlyLimitMicros = Math.round(usd * 1_000_000);
  await tx
    .insert(llmBudgets)
    .values({ workspaceId, monthlyLimitMicros })
    .onConflictDoUpdate({ target: llmBudgets.workspaceId, set: { monthlyLimitMicros, updatedAt: new Date() } });
  await recordAudit(tx, workspaceId, actor, 'llm_budget.saved', 'llm_budget', workspaceId, { monthlyLimitUsd: usd });
}

/** Replaces the workspace's strategy inside `tx` (the caller's transaction); answers it as stored. */
export async function saveStrategyIn(
  tx: Tx,
  input: { workspaceId: string; actor: AuditActor; strategy: WorkspaceStrategy; action: string },
): Promise<StoredStrategy> {
  const strategy = workspaceStrategySchema.parse(input.strategy);
  const updatedBy = input.actor.type === 'user' ? input.actor.id : null;
  const values = {
    strategy,
    templateId: strategy.templateId,
    templateVersion: strategy.templateVersion,
    updatedBy,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(workspaceStrategies)
    .values({ workspaceId: input.workspaceId, ...values })
    .onConflictDoUpdate({ target: workspaceStrategies.workspaceId, set: values })
    .returning({ updatedAt: workspaceStrategies.updatedAt });
  if (!row) throw new Error('strategy upsert returned no row');
  await applyAiBudget(tx, input.workspaceId, input.actor, strategy.monthlyAiBudgetUsd);
  await recordAudit(tx, input.workspaceId, input.actor, input.action, 'workspace_strategy', input.workspaceId, {
    templateId: strategy.templateId,
    pillars: strategy.pillars.map((pillar) => `${pillar.key}:${pillar.share}`),
  });
  return { ...strategy, updatedAt: row.updatedAt };
}

/** Saves an edited strategy (PUT …/strategy). */
export async function putWorkspaceStrategy(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; strategy: WorkspaceStrategy },
): Promise<StoredStrategy> {
  return db.transaction((tx) => saveStrategyIn(tx, { ...input, action: 'strategy.updated' }));
}
