/**
 * Claims posts whose next snapshot is due, a whole account at a time: an account is claimed when one of
 * its posts is due, and then every one of its posts due within a short look-ahead comes along (at most
 * 10 % of the snapshot's offset, never more than 5 minutes), so one network batch call reads them all.
 * Only a post waiting at its scheduled time is taken early; one under another claim's lease (or waiting
 * for a retry) is taken only once that time has passed, so a look-ahead never reaches into a lease.
 * The claim moves their `next_snapshot_at` a lease ahead in the same statement (SKIP LOCKED, so workers
 * never claim the same rows). A worker that dies holding a claim leaves the rows due again when the
 * lease ends; nothing else needs cleaning up. Posts of accounts that are not connected are left alone:
 * they wait for the account to come back.
 */
import { sql } from 'drizzle-orm';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';
import type { Database } from '@plume/db/client';

export type DuePost = {
  id: string;
  workspaceId: string;
  accountId: string;
  network: string;
  remoteId: string;
  publishedAt: Date;
  nextOffsetIndex: number;
};

/** The look-ahead: this share of the snapshot's offset (15 min → 90 s early at most)… */
export const LOOK_AHEAD_SHARE = 0.1;
/** …and never more than this (a 30-day snapshot is at most 5 minutes early). */
export const LOOK_AHEAD_MAX_SECONDS = 300;

/** Seconds a post at offset index `index` may be read before it is due. */
export function lookAheadSeconds(index: number): number {
  const offsetMin = SNAPSHOT_OFFSETS_MIN[index] ?? 0;
  return Math.min(LOOK_AHEAD_MAX_SECONDS, offsetMin * 60 * LOOK_AHEAD_SHARE);
}

const offsets = sql.raw(`ARRAY[${SNAPSHOT_OFFSETS_MIN.join(', ')}]`);
const lookAheads = sql.raw(`ARRAY[${SNAPSHOT_OFFSETS_MIN.map((_, index) => lookAheadSeconds(index)).join(', ')}]`);

/**
 * Up to `limit` posts, grouped by account: accounts in the order their earliest post fell due, each
 * with its posts due now or within the look-ahead. Only the last account of a claim can be cut by the
 * limit; the rest of it is claimed by the next call.
 */
export async function claimDuePosts(
  db: Pick<Database, 'execute'>,
  limit: number,
  leaseSeconds: number,
): Promise<DuePost[]> {
  const claimed = await db.execute<{
    id: string;
    workspace_id: string;
    account_id: string;
    network: string;
    remote_id: string;
    published_at: Date | string;
    next_offset_index: number | null;
  }>(sql`
    WITH due_accounts AS (
      SELECT d.account_id, min(d.next_snapshot_at) AS first_due FROM measured_posts d
      JOIN social_accounts a ON a.id = d.account_id AND a.status = 'connected'
      WHERE d.next_snapshot_at IS NOT NULL AND d.next_snapshot_at <= now()
      GROUP BY d.account_id ORDER BY first_due LIMIT ${limit}
    ), picked AS (
      SELECT p.id FROM measured_posts p JOIN due_accounts c ON c.account_id = p.account_id
      WHERE p.next_snapshot_at <= now() + make_interval(secs => ${LOOK_AHEAD_MAX_SECONDS}) AND (p.next_snapshot_at <= now() OR (
        -- Early only at its scheduled time: a row under another claim's lease, or waiting for a retry, is not.
        p.next_snapshot_at <= now() + make_interval(secs => coalesce((${lookAheads})[p.next_offset_index + 1], 0))
        AND abs(extract(epoch FROM p.next_snapshot_at
          - (p.published_at + make_interval(mins => (${offsets})[p.next_offset_index + 1])))) < 0.001))
      ORDER BY c.first_due, p.account_id, p.next_snapshot_at
      LIMIT ${limit}
      FOR UPDATE OF p SKIP LOCKED
    )
    UPDATE measured_posts m SET next_snapshot_at = now() + make_interval(secs => ${leaseSeconds})
    FROM picked WHERE m.id = picked.id
    RETURNING m.id, m.workspace_id, m.account_id, m.network, m.remote_id, m.published_at, m.next_offset_index`);
  return claimed.rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    accountId: row.account_id,
    network: row.network,
    remoteId: row.remote_id,
    publishedAt: new Date(row.published_at),
    nextOffsetIndex: row.next_offset_index ?? 0,
  }));
}
