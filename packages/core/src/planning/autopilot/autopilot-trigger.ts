/**
 * What runs by itself: once a week's drafts are written (the "Generate drafts" job, or a Content agent run
 * for its weeks), an Execution run for those weeks is started
 * (trigger `autopilot`) unless the autopilot is off. At `draft` it places and submits for approval;
 * at `auto_schedule` it also schedules what the guardrails allow.
 */
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import { startExecutionRun } from '../../agents/execution/start-execution.ts';
import { getAutopilot } from './autopilot-store.ts';

/** The started run's id, or null when the autopilot is off (or the weeks are over). */
export async function startAutopilotRun(
  db: Database,
  input: { workspaceId: string; planId: string; weeks: readonly string[] },
): Promise<string | null> {
  const settings = await getAutopilot(db, input.workspaceId);
  if (settings.level === 'off') return null;
  try {
    const run = await startExecutionRun(
      { db },
      {
        workspaceId: input.workspaceId,
        userId: null,
        planId: input.planId,
        weeks: [...input.weeks],
        trigger: 'autopilot',
      },
    );
    return run.id;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
