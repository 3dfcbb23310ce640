/**
 * Applying a weekly retrospective (a reviewed step, inside the caller's transaction): its pillar
 * shares go into the workspace strategy, checked again against the strategy as it is now (at most
 * MAX_SHARE_CHANGE points a pillar), and all its adjustments are recorded as the workspace's
 * `learning_adjustments`, where the content agent's prompt and placement read them.
 */
import type { Tx } from '@plume/db/client';
import { learningAdjustments } from '@plume/db/schema/learning';
import type { LearningAdjustments, Retrospective } from '@plume/contract/agents/learning-outputs';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';
import { getWorkspaceStrategy, saveStrategyIn } from '../../planning/strategy/strategy-store.ts';
import { wholeShares } from '../strategy/apply-proposal.ts';
import { shareProblems } from './retrospective-prompt.ts';

export type AppliedRetrospective = {
  pillars: Array<{ key: string; before: number; after: number }>;
  adjustments: LearningAdjustments;
};

async function applyShares(
  tx: Tx,
  input: { workspaceId: string; actor: AuditActor },
  proposed: NonNullable<LearningAdjustments['pillarShares']>,
): Promise<AppliedRetrospective['pillars']> {
  const stored = await getWorkspaceStrategy(tx, input.workspaceId);
  if (stored === null || proposed.length === 0) return [];
  const { updatedAt: _updatedAt, ...strategy } = stored;
  const problems = shareProblems(proposed, strategy.pillars);
  if (problems.length > 0)
    throw AppError.conflict(
      `The strategy changed since this retrospective: ${problems.map((problem) => problem.message).join(' ')} Start a new learning run.`,
    );
  const shares = new Map(proposed.map((item) => [item.key, item.share]));
  const after = wholeShares(strategy.pillars.map((pillar) => shares.get(pillar.key) ?? pillar.share));
  await saveStrategyIn(tx, {
    workspaceId: input.workspaceId,
    actor: input.actor,
    strategy: {
      ...strategy,
      pillars: strategy.pillars.map((pillar, index) => ({ ...pillar, share: after[index] ?? 0 })),
    },
    action: 'strategy.learning_applied',
  });
  return strategy.pillars.map((pillar, index) => ({ key: pillar.key, before: pillar.share, after: after[index] ?? 0 }));
}

export async function applyRetrospective(
  tx: Tx,
  input: {
    workspaceId: string;
    actor: AuditActor;
    userId: string | null;
    runId: string;
    week: string;
    retrospective: Retrospective;
  },
): Promise<AppliedRetrospective> {
  const { adjustments } = input.retrospective;
  const pillars = await applyShares(tx, input, adjustments.pillarShares ?? []);
  const values = { runId: input.runId, week: input.week, adjustments, appliedBy: input.userId, appliedAt: new Date() };
  await tx
    .insert(learningAdjustments)
    .values({ workspaceId: input.workspaceId, ...values })
    .onConflictDoUpdate({ target: learningAdjustments.workspaceId, set: values });
  await recordAudit(tx, input.workspaceId, input.actor, 'learning.adjustments_applied', 'agent_run', input.runId, {
    week: input.week,
    pillars: pillars.map((pillar) => `${pillar.key}:${pillar.before}->${pillar.after}`),
    preferHours: adjustments.preferHours ?? [],
    avoidHours: adjustments.avoidHours ?? [],
    topicsToRepeat: adjustments.topicsToRepeat ?? [],
    topicsToAvoid: adjustments.topicsToAvoid ?? [],
  });
  return { pillars, adjustments };
}
