/**
 * The minute sweep: nothing due may sit unnoticed.
 * - Workers whose heartbeat stopped: their claimed jobs are unlocked (graphile-worker would wait hours),
 *   the targets their dispatcher held go back to their jobs, due now;
 *   targets they were publishing go back to pending when their call had not started, and become
 *   `unconfirmed` (never re-sent blindly) when it had (interrupted-attempts.ts).
 * - Targets due more than a grace period ago and still pending are reported (log, metric, post
 *   history) and their job is put back, in case the queue lost it (manual edits). Not while publishing
 *   is paused: then waiting is expected, and resuming queues them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { enqueuePublishJobs } from './publish-queue.ts';
import { recordPostEvent, SYSTEM_ACTOR } from './post-events.ts';
import { markUnconfirmed, requeueUnsent } from './interrupted-attempts.ts';
import { postTargets } from '@plume/db/schema/publishing';
import { eq } from 'drizzle-orm';

export const OVERDUE_GRACE_SECONDS = 120;

export type SweepResult = { deadRunners: number; unconfirmed: number; requeued: number; overdue: number };

export async function sweepPublishing(deps: { db: Database; staleRunnerSeconds: number }): Promise<SweepResult> {
  const dead = await deps.db.execute<{ worker_id: string; queue_worker_ids: string[] }>(sql`
    SELECT worker_id, queue_worker_ids FROM worker_heartbeats
    WHERE last_seen_at < now() - make_interval(secs => ${deps.staleRunnerSeconds})`);
  const queueIds = dead.rows.flatMap((row) => row.queue_worker_ids);
  if (queueIds.length > 0) {
    await deps.db.execute(
      sql`SELECT graphile_worker.force_unlock_workers(ARRAY(SELECT json_array_elements_text(${JSON.stringify(queueIds)}::json)))`,
    );
  }

  // Targets left `publishing` by a runner that is gone (no fresh heartbeat).
  const interrupted = await deps.db.execute<{ target_id: string; attempt_id: string; attempt_no: number }>(sql`
    SELECT t.id AS target_id, a.id AS attempt_id, a.attempt_no
    FROM post_targets t
    JOIN publish_attempts a ON a.target_id = t.id AND a.attempt_no = t.attempts
    WHERE t.state = 'publishing' AND a.outcome IS NULL
      AND a.started_at < now() - make_interval(secs => ${deps.staleRunnerSeconds})
      AND NOT EXISTS (
        SELECT 1 FROM worker_heartbeats h
        WHERE h.worker_id = a.runner_id AND h.last_seen_at > now() - make_interval(secs => ${deps.staleRunnerSeconds})
      )`);
  let unconfirmed = 0;
  let requeued = 0;
  for (const row of interrupted.rows) {
    await deps.db.transaction(async (tx) => {
      const [target] = await tx.select().from(postTargets).where(eq(postTargets.id, row.target_id)).for('update');
      // A live worker may have claimed it again meanwhile (a new attempt): that one is not ours to settle.
      if (target?.state !== 'publishing' || target.attempts !== row.attempt_no) return;
      // Never sent: pending again, and its job (unlocked above, or a new one) runs now.
      if ((await requeueUnsent(tx, target, row.attempt_id)) !== undefined) {
        await enqueuePublishJobs(tx, [{ targetId: target.id, runAt: new Date() }]);
        requeued += 1;
        return;
      }
      await markUnconfirmed(tx, target, row.attempt_id);
      unconfirmed += 1;
    });
  }
  const released = await releaseDeadHolds(
    deps.db,
    dead.rows.map((row) => row.worker_id),
  );
  if (dead.rows.length > 0) {
    await deps.db.execute(
      sql`DELETE FROM worker_heartbeats WHERE worker_id IN (SELECT json_array_elements_text(${JSON.stringify(dead.rows.map((row) => row.worker_id))}::json))`,
    );
  }

  const overdue = await deps.db.execute<{ target_id: string; post_id: string; due: Date }>(sql`
    SELECT t.id AS target_id, t.post_id, coalesce(t.next_attempt_at, p.scheduled_at) AS due
    FROM post_targets t JOIN posts p ON p.id = t.post_id
    WHERE t.state = 'pending' AND p.state IN ('scheduled', 'publishing')
      AND NOT EXISTS (SELECT 1 FROM instance_settings s WHERE s.publishing_paused_at IS NOT NULL)
      AND coalesce(t.next_attempt_at, p.scheduled_at) < now() - make_interval(secs => ${OVERDUE_GRACE_SECONDS})
      AND (t.overdue_reported_at IS NULL OR t.overdue_reported_at < now() - interval '10 minutes')
    LIMIT 1000`);
  if (overdue.rows.length > 0) {
    await deps.db.transaction(async (tx) => {
      await enqueuePublishJobs(
        tx,
        overdue.rows.map((row) => ({ targetId: row.target_id, runAt: new Date() })),
      );
      for (const row of overdue.rows) {
        await tx.update(postTargets).set({ overdueReportedAt: new Date() }).where(eq(postTargets.id, row.target_id));
        await recordPostEvent(tx, {
          postId: row.post_id,
          targetId: row.target_id,
          actor: SYSTEM_ACTOR,
          type: 'target_overdue',
          detail: { due: new Date(row.due).toISOString(), note: 'Due but not published; put back in the queue.' },
        });
      }
    });
  }
  return { deadRunners: dead.rows.length, unconfirmed, requeued: requeued + released, overdue: overdue.rows.length };
}

/**
 * Targets a dead worker's dispatcher held (dispatcher.ts) and never started: the hold ends now and their
 * jobs run now (a job early for its target puts itself back at the due time), rather than when the hold would end.
 */
async function releaseDeadHolds(db: Database, workerIds: readonly string[]): Promise<number> {
  if (workerIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    const freed = await tx.execute<{ id: string }>(sql`
      UPDATE post_targets SET held_by = NULL, held_until = NULL
      WHERE held_by IN (SELECT json_array_elements_text(${JSON.stringify(workerIds)}::json)) AND state = 'pending'
      RETURNING id`);
    const now = new Date();
    await enqueuePublishJobs(
      tx,
      freed.rows.map((row) => ({ targetId: row.id, runAt: now })),
    );
    return freed.rows.length;
  });
}
