/**
 * Claims many due targets in one statement: the common case of publishing (a pending target, due, its
 * post scheduled or publishing, its account and network not throttled, not held by a dispatcher,
 * publishing not paused). Each
 * claimed target gets its attempt row (this runner's id), becomes `publishing`, and its post moves
 * from `scheduled` to `publishing` with the history event. Targets locked elsewhere (SKIP LOCKED) or
 * in any other situation are left untouched and answered null: the caller takes the one-target path
 * (publish-target.ts), which handles interrupted attempts, early jobs, pauses and throttles.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { PostContent, TargetOverride } from '@plume/db/schema/publishing';
import type { NetworkId } from '@plume/networks/contract';
import { SYSTEM_ACTOR } from './post-events.ts';

export interface ClaimedTarget {
  attemptId: string;
  attemptNo: number;
  target: {
    id: string;
    postId: string;
    workspaceId: string;
    accountId: string;
    network: NetworkId;
    override: TargetOverride;
    settings: Record<string, unknown>;
  };
  post: { id: string; content: PostContent };
}

/** A job may run this long before its due time (clocks of machines sharing a database differ a little). */
export const EARLY_TOLERANCE_MS = 1000;

/** The columns a statement returns for a target about to be sent, with its post's content. */
export type TargetRow = {
  id: string;
  post_id: string;
  workspace_id: string;
  account_id: string;
  network: NetworkId;
  override: TargetOverride;
  settings: Record<string, unknown>;
  content: PostContent;
};

/** A target row as the publish call takes it. */
export function targetToSend(row: TargetRow): Pick<ClaimedTarget, 'target' | 'post'> {
  return {
    target: {
      id: row.id,
      postId: row.post_id,
      workspaceId: row.workspace_id,
      accountId: row.account_id,
      network: row.network,
      override: row.override,
      settings: row.settings,
    },
    post: { id: row.post_id, content: row.content },
  };
}

type Row = TargetRow & { attempt_id: string; attempt_no: number };

/** One result per id, in order: the claim, or null when the one-target path must decide. */
export async function claimDueTargets(
  db: Pick<Database, 'execute'>,
  runnerId: string,
  targetIds: readonly string[],
): Promise<(ClaimedTarget | null)[]> {
  // Targets, posts and throttles are read and locked in one pass; the CTEs below write from it.
  const result = await db.execute<Row>(sql`
    WITH candidates AS (
      SELECT t.id, t.attempts + 1 AS attempt_no, p.id AS post_id, p.state AS post_state, p.content
      FROM post_targets t
      JOIN posts p ON p.id = t.post_id
      JOIN social_accounts a ON a.id = t.account_id
      WHERE t.id = ANY(${`{${targetIds.join(',')}}`}::uuid[])
        AND t.state = 'pending'
        AND p.state IN ('scheduled', 'publishing')
        AND coalesce(t.next_attempt_at, p.scheduled_at, now()) <= now() + make_interval(secs => ${EARLY_TOLERANCE_MS / 1000})
        AND (a.rate_limited_until IS NULL OR a.rate_limited_until <= now())
        AND (t.held_until IS NULL OR t.held_until <= now())
        AND NOT EXISTS (SELECT 1 FROM network_throttles n WHERE n.network = t.network AND n.until > now())
        AND NOT EXISTS (SELECT 1 FROM instance_settings s WHERE s.publishing_paused_at IS NOT NULL)
      ORDER BY t.id
      FOR UPDATE OF t, p SKIP LOCKED
    ),
    attempts AS (
      INSERT INTO publish_attempts (target_id, attempt_no, runner_id)
      SELECT id, attempt_no, ${runnerId} FROM candidates
      RETURNING id, target_id
    ),
    claimed AS (
      UPDATE post_targets t SET state = 'publishing', attempts = c.attempt_no, updated_at = now()
      FROM candidates c WHERE t.id = c.id
      RETURNING t.id, t.workspace_id, t.account_id, t.network, t.override, t.settings
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
    SELECT claimed.*, c.post_id, c.content, c.attempt_no, attempts.id AS attempt_id
    FROM claimed
    JOIN candidates c ON c.id = claimed.id
    JOIN attempts ON attempts.target_id = claimed.id`);
  const byId = new Map(result.rows.map((row) => [row.id, row]));
  return targetIds.map((id) => {
    const row = byId.get(id);
    // An id listed twice gets its claim once; the other job finds the target publishing.
    byId.delete(id);
    if (row === undefined) return null;
    return { attemptId: row.attempt_id, attemptNo: row.attempt_no, ...targetToSend(row) };
  });
}
