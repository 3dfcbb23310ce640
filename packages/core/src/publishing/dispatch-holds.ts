/**
 * The statements of the publishing dispatcher (dispatcher.ts), each one round trip for a whole batch:
 * - `holdDueTargets`: targets due within the look-ahead, pending and not held, are held by this runner
 *   until their due time plus a lease, and their jobs are moved to the lease's end (a job that runs then
 *   publishes the target if the dispatcher did not: its process died);
 * - `startHeldCalls`: at the due instant, with a network slot taken, claims the held targets and marks
 *   their calls started in one statement (attempt with `call_started_at`, target `publishing`, post
 *   `publishing` and its history event), re-checking everything: still pending and held by this runner,
 *   the post still scheduled and unchanged since it was prepared (the version), account and host not
 *   throttled, publishing not paused;
 * - `releaseHolds`: gives targets back to the job path (their jobs run now and sort them out).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { targetToSend, type TargetRow } from './claim-batch.ts';
import { SYSTEM_ACTOR } from './post-events.ts';
import { enqueuePublishJobs } from './publish-queue.ts';
import { executePrepared } from '../llm/execute-prepared.ts';
import type { TargetToSend } from './publish-call.ts';

/** Never held closer to due than this: the job path takes those (its jobs are already being fetched). */
export const MIN_HOLD_LEAD_MS = 2000;

/** What a target's content, time and settings were when it was prepared; every edit changes it. */
function versionOf(): SQL {
  return sql`md5(concat_ws('|', p.content::text, p.scheduled_at::text, t.override::text, t.settings::text,
    t.next_attempt_at::text, t.account_id::text))`;
}

export type HeldTarget = TargetToSend & { due: Date; heldUntil: Date; version: string };

type HeldRow = TargetRow & { due: string; held_until: string; version: string };

export async function holdDueTargets(
  db: Database,
  input: { runnerId: string; lookaheadMs: number; leaseAfterDueMs: number; limit: number },
): Promise<HeldTarget[]> {
  return db.transaction(async (tx) => {
    const result = await tx.execute<HeldRow>(sql`
      WITH candidates AS (
        SELECT t.id, coalesce(t.next_attempt_at, p.scheduled_at) AS due, p.content, ${versionOf()} AS version
        FROM post_targets t JOIN posts p ON p.id = t.post_id
        WHERE t.state = 'pending'
          AND p.state IN ('scheduled', 'publishing')
          AND coalesce(t.next_attempt_at, p.scheduled_at)
            BETWEEN now() + make_interval(secs => ${MIN_HOLD_LEAD_MS / 1000})
            AND now() + make_interval(secs => ${input.lookaheadMs / 1000})
          AND (t.held_until IS NULL OR t.held_until <= now())
          AND NOT EXISTS (SELECT 1 FROM instance_settings s WHERE s.publishing_paused_at IS NOT NULL)
        ORDER BY 2
        LIMIT ${input.limit}
        FOR UPDATE OF t SKIP LOCKED
      )
      UPDATE post_targets t
      SET held_by = ${input.runnerId}, held_until = c.due + make_interval(secs => ${input.leaseAfterDueMs / 1000})
      FROM candidates c WHERE t.id = c.id
      RETURNING t.id, t.post_id, t.workspace_id, t.account_id, t.network, t.override, t.settings, c.content,
        c.due::text AS due, t.held_until::text AS held_until, c.version`);
    const held = result.rows.map((row): HeldTarget => ({
      ...targetToSend(row),
      due: new Date(row.due),
      heldUntil: new Date(row.held_until),
      version: row.version,
    }));
    await enqueuePublishJobs(
      tx,
      held.map((item) => ({ targetId: item.target.id, runAt: item.heldUntil })),
    );
    return held;
  });
}

/** One result per item, in order: the open attempt's id, or null when the target may not go out now. */
export async function startHeldCalls(
  db: Database,
  runnerId: string,
  items: readonly { targetId: string; version: string }[],
): Promise<(string | null)[]> {
  const input = JSON.stringify(items.map((item) => ({ id: item.targetId, version: item.version })));
  // The ids as an array too: \`t.id = ANY(…)\` reads the targets by their key, where a join with the
  // JSON input alone was planned as a scan of every target.
  const ids = `{${items.map((item) => item.targetId).join(',')}}`;
  // A named prepared statement: it lies on every call's path at the due instant, and PostgreSQL then
  // plans it once per connection instead of on every batch (1.3 ms a batch under load, pg_stat_statements).
  const result = await executePrepared<{ target_id: string; attempt_id: string }>(
    db,
    sql`
    WITH input AS (SELECT * FROM json_to_recordset(${input}::json) AS i(id uuid, version text)),
    candidates AS (
      SELECT t.id, t.attempts + 1 AS attempt_no, p.id AS post_id, p.state AS post_state
      FROM input
      JOIN post_targets t ON t.id = input.id
      JOIN posts p ON p.id = t.post_id
      JOIN social_accounts a ON a.id = t.account_id
      WHERE t.id = ANY(${ids}::uuid[]) AND t.state = 'pending' AND t.held_by = ${runnerId}
        AND p.state IN ('scheduled', 'publishing')
        AND ${versionOf()} = input.version
        AND (a.rate_limited_until IS NULL OR a.rate_limited_until <= now())
        AND NOT EXISTS (SELECT 1 FROM network_throttles n WHERE n.network = t.network AND n.until > now())
        AND NOT EXISTS (SELECT 1 FROM instance_settings s WHERE s.publishing_paused_at IS NOT NULL)
      ORDER BY p.id, t.id
      FOR UPDATE OF t, p
    ),
    attempts AS (
      INSERT INTO publish_attempts (target_id, attempt_no, runner_id, call_started_at)
      SELECT id, attempt_no, ${runnerId}, now() FROM candidates
      RETURNING id, target_id
    ),
    claimed AS (
      UPDATE post_targets t
      SET state = 'publishing', attempts = c.attempt_no, held_by = NULL, held_until = NULL, updated_at = now()
      FROM candidates c WHERE t.id = c.id
    ),
    started AS (
      UPDATE posts SET state = 'publishing', updated_at = now()
      WHERE id IN (SELECT post_id FROM candidates WHERE post_state = 'scheduled')
      RETURNING id
    ),
    events AS (
      INSERT INTO post_events (post_id, actor_id, actor_name, type, from_state, to_state)
      SELECT id, ${SYSTEM_ACTOR.id}::text, ${SYSTEM_ACTOR.name}::text, 'state_changed', 'scheduled', 'publishing' FROM started
    )
    SELECT target_id, id AS attempt_id FROM attempts`,
  );
  const byTarget = new Map(result.rows.map((row) => [row.target_id, row.attempt_id]));
  return items.map((item) => {
    const attemptId = byTarget.get(item.targetId) ?? null;
    byTarget.delete(item.targetId);
    return attemptId;
  });
}

/** Ends this runner's holds on these targets; those still pending get their job back, due now. */
export async function releaseHolds(db: Database, runnerId: string, targetIds: readonly string[]): Promise<void> {
  if (targetIds.length === 0) return;
  await db.transaction(async (tx) => {
    const released = await tx.execute<{ id: string; state: string }>(sql`
      UPDATE post_targets SET held_by = NULL, held_until = NULL
      WHERE id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(targetIds)}::json))
        AND held_by = ${runnerId}
      RETURNING id, state`);
    const now = new Date();
    await enqueuePublishJobs(
      tx,
      released.rows.filter((row) => row.state === 'pending').map((row) => ({ targetId: row.id, runAt: now })),
    );
  });
}
