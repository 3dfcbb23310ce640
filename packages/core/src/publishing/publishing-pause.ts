/**
 * The instance-wide publishing switch. While paused the engine calls no network: due targets stay
 * pending (their jobs end without sending, the overdue sweep stays quiet, tokens are not refreshed),
 * so nothing is lost and nothing goes out. A restored copy starts paused: until an admin resumes it,
 * the original and the copy cannot both publish the same posts. Resuming puts back the publishing
 * job of every pending target, so what fell due meanwhile goes out at once.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { instanceSettings } from '@plume/db/schema/platform';
import { rebuildPublishJobs } from './rebuild-publish-jobs.ts';

export type PublishingPause = {
  paused: boolean;
  pausedAt: Date | null;
  reason: string | null;
  changedBy: string | null;
};

type Executor = Pick<Database, 'select' | 'insert' | 'execute'>;

export async function getPublishingPause(db: Pick<Database, 'select'>): Promise<PublishingPause> {
  const [row] = await db.select().from(instanceSettings);
  const pausedAt = row?.publishingPausedAt ?? null;
  return {
    paused: pausedAt !== null,
    pausedAt,
    reason: pausedAt === null ? null : (row?.publishingPausedReason ?? null),
    changedBy: row?.publishingChangedBy ?? null,
  };
}

/** Pauses publishing (again: the reason and time are replaced). `by` is a person's name or `plume` (the CLI). */
export async function pausePublishing(db: Executor, input: { reason: string; by: string }): Promise<PublishingPause> {
  const now = new Date();
  const values = {
    publishingPausedAt: now,
    publishingPausedReason: input.reason,
    publishingChangedBy: input.by,
    updatedAt: now,
  };
  await db
    .insert(instanceSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: instanceSettings.id, set: values });
  return { paused: true, pausedAt: now, reason: input.reason, changedBy: input.by };
}

/** Resumes publishing and queues every pending target again; `queued` counts the jobs that were missing. */
export async function resumePublishing(
  db: Executor,
  input: { by: string },
): Promise<PublishingPause & { queued: number }> {
  const now = new Date();
  const values = {
    publishingPausedAt: null,
    publishingPausedReason: null,
    publishingChangedBy: input.by,
    updatedAt: now,
  };
  await db
    .insert(instanceSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: instanceSettings.id, set: values });
  const queued = await rebuildPublishJobs(db);
  return { paused: false, pausedAt: null, reason: null, changedBy: input.by, queued };
}

/** True while publishing is paused; one indexed read, for jobs that would call a network. */
export async function isPublishingPaused(db: Pick<Database, 'execute'>): Promise<boolean> {
  const result = await db.execute<{ paused: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM instance_settings WHERE publishing_paused_at IS NOT NULL) AS paused`,
  );
  return result.rows[0]?.paused === true;
}
