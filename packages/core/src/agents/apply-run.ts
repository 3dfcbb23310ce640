/**
 * Applying a succeeded run's proposal, once, in one transaction with everything it changes: a
 * strategy run's proposal (apply-proposal.ts) or a learning run's retrospective
 * (apply-retrospective.ts). The run's `applied_at` is set in the same transaction, so a second apply
 * (or two at once) answers 409. Another workspace's run is "not found".
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { agentRuns } from '@plume/db/schema/agents';
import { agentRunOutputSchema } from '@plume/contract/agents/agent-outputs';
import type { ApplyRunResult } from '@plume/contract/agents/apply-schemas';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { applyRetrospective } from './learning/apply-retrospective.ts';
import { runInputSchema } from './run-input.ts';
import { applyStrategyProposal } from './strategy/apply-proposal.ts';

export async function applyRun(
  db: Database,
  input: { workspaceId: string; runId: string; actor: AuditActor; userId: string | null; now?: Date },
): Promise<ApplyRunResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(agentRuns)
      .where(and(eq(agentRuns.id, input.runId), eq(agentRuns.workspaceId, input.workspaceId)))
      .for('update');
    if (!row) throw new AppError('not_found', { detail: 'No such agent run in this workspace.' });
    if (row.appliedAt !== null)
      throw AppError.conflict(`This run was applied already, at ${row.appliedAt.toISOString()}.`);
    const output = row.state === 'succeeded' ? agentRunOutputSchema.safeParse(row.output) : null;
    if (output === null || !output.success)
      throw AppError.conflict(`Only a run that succeeded can be applied; this one is ${row.state}.`);
    const proposal = row.kind === 'intelligence_strategy' ? (output.data.strategy ?? null) : null;
    const retrospective = row.kind === 'learning' ? (output.data.learning?.retrospective ?? null) : null;
    if (proposal === null && retrospective === null)
      throw AppError.conflict(
        row.kind === 'learning'
          ? 'Nothing was published that week, so this retrospective has nothing to apply.'
          : 'Only a strategy run or a learning run has a proposal to apply.',
      );
    await tx
      .update(agentRuns)
      .set({ appliedAt: now, updatedAt: now })
      .where(and(eq(agentRuns.id, row.id), isNull(agentRuns.appliedAt)));
    const common = { workspaceId: input.workspaceId, actor: input.actor, userId: input.userId };
    const strategy = proposal === null ? null : await applyStrategyProposal(tx, { ...common, proposal });
    const learning =
      retrospective === null
        ? null
        : await applyRetrospective(tx, {
            ...common,
            runId: row.id,
            week: runInputSchema.shape.week.parse((row.input as { week?: unknown }).week) ?? '',
            retrospective,
          });
    await recordAudit(tx, input.workspaceId, input.actor, 'agent_run.applied', 'agent_run', row.id, {
      kind: row.kind,
      plans: strategy?.plans.map((plan) => plan.month) ?? [],
    });
    return { runId: row.id, appliedAt: now, strategy, learning };
  });
}
