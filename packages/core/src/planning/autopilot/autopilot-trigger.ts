/**
 * What runs by itself: once a week's drafts are written, an Execution run for that week is started
 * (trigger `autopilot`) unless the autopilot is off. At `draft` it places and submits for approval;
 * at `auto_schedule` it also schedules what the guardrails allow.
 */
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import { startExecutionRun } from '../../agents/execution/start-execution.ts';
import { getAutopilot } from './autopilot-store.ts';

/** The started run's id, or null when the autopilot is off (or the week is over). */
export async function startAutopilotRun(
  db: Database,
  input: { workspaceId: string; planId: string; week: string },
): Promise<string | null> {
  const settings = await getAutopilot(db, input.workspaceId);
  if (settings.level === 'off') return null;
  try {
    const run = await startExecutionRun(
      { db },
      { workspaceId: input.workspaceId, userId: null, planId: input.planId, weeks: [input.week], trigger: 'autopilot' },
    );
    return run.id;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
