/**
 * Resuming a failed run (after the budget was raised, a model came back…): it is queued again with a
 * new job, and the runner goes on from its first step without a stored result. Steps already done are
 * read back, not paid again; the step that failed is run again.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { agentRuns } from '@plume/db/schema/agents';
import { AppError } from '@plume/errors/app-error';
import { AGENT_RUN_JOB } from './run-store.ts';
import { readRunView, type RunView } from './run-views.ts';

export async function resumeRun(db: Database, workspaceId: string, runId: string, now = new Date()): Promise<RunView> {
  await readRunView(db, workspaceId, runId);
  const resumed = await db.transaction(async (tx) => {
    const rows = await tx
      .update(agentRuns)
      .set({ state: 'queued', error: null, finishedAt: null, updatedAt: now })
      .where(and(eq(agentRuns.id, runId), eq(agentRuns.workspaceId, workspaceId), eq(agentRuns.state, 'failed')))
      .returning({ id: agentRuns.id });
    if (rows.length === 0) return false;
    await tx.execute(sql`
      SELECT graphile_worker.add_job(${AGENT_RUN_JOB}, json_build_object('runId', ${runId}::text),
        job_key => ${`agent-run:${runId}`}, max_attempts => 5)`);
    return true;
  });
  if (!resumed) throw new AppError('invalid_state', { detail: 'Only a failed run can be resumed.' });
  return readRunView(db, workspaceId, runId);
}
