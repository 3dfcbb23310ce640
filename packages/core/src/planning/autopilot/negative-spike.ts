/**
 * "Pause on a negative spike", from what Plume stores (docs/planning.md "Autopilot and guardrails").
 * Networks give Plume no hides or reports, so a spike is one of:
 *
 * - **failure burst**: 3 or more post targets of the workspace failed to publish in the last 24 hours;
 * - **engagement collapse**: a post published in the last 72 hours, measured 24 hours or more after it
 *   went out, has under 20 % of its account's median engagements (median of the account's 20 measured
 *   posts before it; at least 10 of them and a median of 5 or more, so a small account's noise is not one);
 * - **follower drop**: an account's followers fell by 2 % and 20 or more between a daily reading 24–72 hours
 *   ago and the latest one in the last 24 hours.
 *
 * Only evidence after `since` (the last resume) counts, so a resumed autopilot is not paused again by the
 * spike a person already looked at.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const FAILURE_BURST = 3;
export const COLLAPSE_SHARE = 0.2;
export const FOLLOWER_DROP = { share: 0.02, least: 20 };

export type NegativeSpike = { reason: string; evidence: Record<string, unknown> };

const HOUR = 3_600_000;
const later = (a: Date, b: Date | null) => (b !== null && b.getTime() > a.getTime() ? b : a);

async function failureBurst(db: Database, workspaceId: string, from: Date): Promise<NegativeSpike | null> {
  const result = await db.execute<{ failed: number; target_ids: string[] | null }>(sql`
    SELECT count(*)::int AS failed, array_agg(t.id::text) AS target_ids
    FROM post_targets t JOIN posts p ON p.id = t.post_id
    WHERE p.workspace_id = ${workspaceId} AND t.state = 'failed' AND t.updated_at >= ${from}`);
  const row = result.rows[0];
  if (row === undefined || row.failed < FAILURE_BURST) return null;
  return {
    reason: `${row.failed} posts failed to publish in the last 24 hours (a failure burst: ${FAILURE_BURST} or more).`,
    evidence: { rule: 'failure_burst', failed: row.failed, targetIds: (row.target_ids ?? []).slice(0, 10) },
  };
}

async function engagementCollapse(db: Database, workspaceId: string, from: Date): Promise<NegativeSpike | null> {
  const result = await db.execute<{ id: string; account_id: string; engagements: number; median: number }>(sql`
    SELECT m.id::text AS id, m.account_id::text AS account_id, m.engagements, base.median
    FROM measured_posts m
    CROSS JOIN LATERAL (
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e.engagements) AS median, count(*) AS n
      FROM (SELECT engagements FROM measured_posts b
            WHERE b.account_id = m.account_id AND b.published_at < m.published_at AND b.engagements IS NOT NULL
            ORDER BY b.published_at DESC LIMIT 20) e
    ) base
    WHERE m.workspace_id = ${workspaceId} AND m.published_at >= ${from}
      AND m.engagements IS NOT NULL AND m.last_measured_at >= m.published_at + interval '24 hours'
      AND base.n >= 10 AND base.median >= 5 AND m.engagements < ${COLLAPSE_SHARE}::float8 * base.median
    ORDER BY m.published_at DESC LIMIT 1`);
  const row = result.rows[0];
  if (row === undefined) return null;
  return {
    reason: `A post published in the last 72 hours has ${row.engagements} engagements, under ${COLLAPSE_SHARE * 100} % of its account's median of ${Number(row.median)}.`,
    evidence: {
      rule: 'engagement_collapse',
      measuredPostId: row.id,
      accountId: row.account_id,
      engagements: row.engagements,
      median: Number(row.median),
    },
  };
}

async function followerDrop(db: Database, workspaceId: string, now: Date, from: Date): Promise<NegativeSpike | null> {
  const result = await db.execute<{ account_id: string; before: number; after: number }>(sql`
    SELECT latest.account_id::text AS account_id, earlier.followers::float8 AS before, latest.followers::float8 AS after
    FROM (SELECT DISTINCT ON (account_id) account_id, followers, taken_at FROM account_metric_snapshots
          WHERE workspace_id = ${workspaceId} AND followers IS NOT NULL
            AND taken_at >= ${new Date(Math.max(now.getTime() - 24 * HOUR, from.getTime()))}
          ORDER BY account_id, taken_at DESC) latest
    JOIN LATERAL (SELECT followers FROM account_metric_snapshots s
          WHERE s.account_id = latest.account_id AND s.followers IS NOT NULL
            AND s.taken_at <= latest.taken_at - interval '24 hours' AND s.taken_at >= ${from}
          ORDER BY s.taken_at DESC LIMIT 1) earlier ON true
    WHERE (earlier.followers - latest.followers)::float8
          >= greatest(${FOLLOWER_DROP.least}::float8, ${FOLLOWER_DROP.share}::float8 * earlier.followers)
    LIMIT 1`);
  const row = result.rows[0];
  if (row === undefined) return null;
  return {
    reason: `An account lost ${row.before - row.after} followers (from ${row.before} to ${row.after}) within a few days.`,
    evidence: { rule: 'follower_drop', accountId: row.account_id, before: row.before, after: row.after },
  };
}

/** The first negative spike found, or null. `since`: the last resume (evidence before it is ignored). */
export async function findNegativeSpike(
  db: Database,
  input: { workspaceId: string; now: Date; since: Date | null },
): Promise<NegativeSpike | null> {
  const { workspaceId, now, since } = input;
  return (
    (await failureBurst(db, workspaceId, later(new Date(now.getTime() - 24 * HOUR), since))) ??
    (await engagementCollapse(db, workspaceId, later(new Date(now.getTime() - 72 * HOUR), since))) ??
    (await followerDrop(db, workspaceId, now, later(new Date(now.getTime() - 72 * HOUR), since)))
  );
}
