/**
 * Puts back the publishing job of every target that should have one: pending, its post scheduled
 * or publishing, and no live job under its key (`publish:<target id>`). A restore brings the data
 * back but not graphile-worker's queue (the backup holds the `public` schema only), and jobs can be
 * lost in other ways (dropped while publishing was paused, removed by hand); without this, such
 * posts would go out only through the overdue sweep, minutes late.
 *
 * Idempotent: a target whose job exists (waiting, running or still retrying) is left alone, and a new
 * job takes the same key and time as normal scheduling would give it, so nothing is ever doubled.
 * Does nothing while publishing is paused: resuming calls it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { MAX_JOB_ATTEMPTS, PUBLISH_JOB } from './publish-queue.ts';

/** Returns how many jobs were added. One statement, whatever the number of targets. */
export async function rebuildPublishJobs(db: Pick<Database, 'execute'>): Promise<number> {
  const result = await db.execute<{ added: number }>(sql`
    SELECT count(*)::int AS added FROM graphile_worker.add_jobs(ARRAY(
      SELECT ROW(
        ${PUBLISH_JOB}::text,
        json_build_object('targetId', t.id),
        NULL::text,
        coalesce(t.next_attempt_at, p.scheduled_at, now()),
        ${MAX_JOB_ATTEMPTS}::int,
        'publish:' || t.id,
        0,
        NULL::text[]
      )::graphile_worker.job_spec
      FROM post_targets t
      JOIN posts p ON p.id = t.post_id
      WHERE t.state = 'pending' AND p.state IN ('scheduled', 'publishing')
        AND NOT EXISTS (SELECT 1 FROM instance_settings s WHERE s.publishing_paused_at IS NOT NULL)
        AND NOT EXISTS (
          SELECT 1 FROM graphile_worker.jobs j
          WHERE j.key = 'publish:' || t.id AND j.attempts < j.max_attempts
        )
    ))`);
  return result.rows[0]?.added ?? 0;
}
