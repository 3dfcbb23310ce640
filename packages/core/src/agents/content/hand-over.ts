/**
 * After a Content run succeeds, its weeks' drafts go to the autopilot as the "Generate drafts" job's do:
 * an Execution run places them and submits them for approval (at `auto_schedule` it also schedules what
 * the guardrails allow), unless the autopilot is off. Other kinds hand nothing over.
 */
import type { Database } from '@plume/db/client';
import { startAutopilotRun } from '../../planning/autopilot/autopilot-trigger.ts';
import { readRun } from '../run-store.ts';
import { contentRunInputSchema } from './content-input.ts';

export async function handOverToAutopilot(db: Database, runId: string): Promise<string | null> {
  const run = await readRun(db, runId);
  if (run === null || run.kind !== 'content' || run.state !== 'succeeded') return null;
  const input = contentRunInputSchema.safeParse(run.input);
  if (!input.success) return null;
  return startAutopilotRun(db, { workspaceId: run.workspaceId, planId: input.data.planId, weeks: input.data.weeks });
}
