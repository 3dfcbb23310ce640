/**
 * Starting an Execution agent run: the plan must be the workspace's (else 404), the weeks its month's
 * (default: those not over yet). No model calls, so the estimate is 0; the run row and its job are
 * written in one transaction like any run.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { agentRuns } from '@plume/db/schema/agents';
import { AppError } from '@plume/errors/app-error';
import { findPlan } from '../../planning/plans/plan-store.ts';
import { plusDays, startOfDay, weeksOfMonth } from '../../planning/plans/plan-calendar.ts';
import { zoneOf } from '../../planning/plans/plan-world.ts';
import { AGENT_RUN_JOB } from '../run-store.ts';
import { readRunView, type RunView } from '../run-views.ts';
import type { ExecutionInput } from './execution-input.ts';

export type StartExecutionCommand = {
  workspaceId: string;
  userId: string | null;
  planId: string;
  weeks?: readonly string[] | undefined;
  trigger: ExecutionInput['trigger'];
  /** Where a bad week is reported (`body/weeks` from the API). */
  weeksPath?: string;
};

export async function startExecutionRun(
  deps: { db: Database; now?: () => Date },
  command: StartExecutionCommand,
): Promise<RunView> {
  const now = deps.now?.() ?? new Date();
  const plan = await findPlan(deps.db, command.workspaceId, command.planId);
  const zone = await zoneOf(deps.db, command.workspaceId);
  const ofMonth = weeksOfMonth(plan.month);
  const path = command.weeksPath ?? 'weeks';
  command.weeks?.forEach((week, index) => {
    if (!ofMonth.includes(week))
      throw AppError.validation(`${path}/${index}`, `Not the Monday of a week in ${plan.month}.`);
  });
  const weeks =
    command.weeks === undefined
      ? ofMonth.filter((week) => startOfDay(zone, plusDays(week, 7)).getTime() > now.getTime())
      : [...command.weeks];
  if (weeks.length === 0)
    throw AppError.validation(path, `Every week of ${plan.month} is over: there is nothing left to place.`);
  const input: ExecutionInput = { kind: 'execution', planId: plan.id, weeks, trigger: command.trigger };
  const runId = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agentRuns)
      .values({
        workspaceId: command.workspaceId,
        kind: 'execution',
        input,
        estimateMicros: 0,
        localOnly: false,
        plannedSteps: weeks.length,
        requestedBy: command.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: agentRuns.id });
    if (!row) throw new Error('agent run insert returned no row');
    await tx.execute(sql`
      SELECT graphile_worker.add_job(${AGENT_RUN_JOB}, json_build_object('runId', ${row.id}::text),
        job_key => ${`agent-run:${row.id}`}, max_attempts => 5)`);
    return row.id;
  });
  return readRunView(deps.db, command.workspaceId, runId);
}
