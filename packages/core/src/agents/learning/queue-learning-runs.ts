/**
 * The weekly learning cron: for every workspace with an active plan (and, once autopilot is wired,
 * autopilot not `off`), a learning run of its last full week, unless that workspace already has a
 * learning run of that week (queued, running, done or failed: a failed one is resumed by hand). So a
 * sweep run twice queues nothing more. A run the budget refuses is skipped and counted.
 */
import { and, eq, sql } from 'drizzle-orm';
import { agentRuns } from '@plume/db/schema/agents';
import { plans } from '@plume/db/schema/planning';
import { workspaces } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { startAgentRun, type StartRunDeps } from '../start-run.ts';
import { lastFullWeek } from './learning-input.ts';

export type LearningSweepDeps = StartRunDeps & {
  /** True when the workspace's autopilot is `off` (no learning run then). Not wired yet: none is. */
  autopilotOff?: (workspaceId: string) => Promise<boolean>;
};

export type LearningSweep = { queued: number; already: number; refused: number; off: number };

async function hasRunFor(deps: StartRunDeps, workspaceId: string, week: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: agentRuns.id })
    .from(agentRuns)
    .where(
      and(
        eq(agentRuns.workspaceId, workspaceId),
        eq(agentRuns.kind, 'learning'),
        sql`${agentRuns.input}->>'week' = ${week}`,
        sql`${agentRuns.state} <> 'cancelled'`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function queueLearningRuns(deps: LearningSweepDeps, now: Date): Promise<LearningSweep> {
  const due = await deps.db
    .selectDistinct({ id: workspaces.id, timezone: workspaces.timezone })
    .from(workspaces)
    .innerJoin(plans, and(eq(plans.workspaceId, workspaces.id), eq(plans.state, 'active')));
  const sweep: LearningSweep = { queued: 0, already: 0, refused: 0, off: 0 };
  for (const workspace of due) {
    if ((await deps.autopilotOff?.(workspace.id)) === true) {
      sweep.off += 1;
      continue;
    }
    const week = lastFullWeek(workspace.timezone, now);
    if (await hasRunFor(deps, workspace.id, week)) {
      sweep.already += 1;
      continue;
    }
    try {
      await startAgentRun(
        { ...deps, now: () => now },
        { workspace, userId: null, body: { kind: 'learning', week, months: 1 } },
      );
      sweep.queued += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sweep.refused += 1;
    }
  }
  return sweep;
}
