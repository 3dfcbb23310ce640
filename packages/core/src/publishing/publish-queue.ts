/**
 * The publishing jobs: one graphile-worker job per target, keyed `publish:<target id>` so a
 * reschedule replaces the job instead of adding a second one. Called inside the transaction that
 * changes the post, so the queue and the post never disagree.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

type Executor = Pick<Database, 'execute'>;

export const PUBLISH_JOB = 'publish_target';

/** graphile-worker retries a job whose handler threw (database trouble); network outcomes never throw. */
export const MAX_JOB_ATTEMPTS = 5;

export function publishJobKey(targetId: string): string {
  return `publish:${targetId}`;
}

/** Adds the jobs of these targets at `runAt`, or moves existing ones there (one statement for all). */
export async function enqueuePublishJobs(
  tx: Executor,
  jobs: readonly { targetId: string; runAt: Date }[],
): Promise<void> {
  if (jobs.length === 0) return;
  const specs = JSON.stringify(jobs.map((job) => ({ id: job.targetId, at: job.runAt.toISOString() })));
  await tx.execute(sql`
    SELECT count(*) FROM graphile_worker.add_jobs((
      SELECT array_agg(ROW(
        ${PUBLISH_JOB}::text,
        json_build_object('targetId', spec->>'id'),
        NULL::text,
        (spec->>'at')::timestamptz,
        ${MAX_JOB_ATTEMPTS}::int,
        'publish:' || (spec->>'id'),
        0,
        NULL::text[]
      )::graphile_worker.job_spec)
      FROM json_array_elements(${specs}::json) AS spec
    ))`);
}

/** Removes the jobs of these targets (a job already running finishes; its handler re-checks the post). */
export async function dequeuePublishJobs(tx: Executor, targetIds: readonly string[]): Promise<void> {
  if (targetIds.length === 0) return;
  await tx.execute(sql`
    SELECT graphile_worker.remove_job('publish:' || id)
    FROM json_array_elements_text(${JSON.stringify(targetIds)}::json) AS id`);
}
