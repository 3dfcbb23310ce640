/**
 * Claims posts whose next snapshot is due: moves their `next_snapshot_at` a lease ahead in the same
 * statement (SKIP LOCKED, so workers never claim the same rows). A worker that dies holding a claim
 * leaves the rows due again when the lease ends; nothing else needs cleaning up. Posts of accounts that
 * are not connected are left alone: they wait for the account to come back.
 */
import { sql } from 'drizzle-orm';
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
    UPDATE measured_posts m SET next_snapshot_at = now() + make_interval(secs => ${leaseSeconds})
    WHERE m.id IN (
      SELECT p.id FROM measured_posts p
      JOIN social_accounts a ON a.id = p.account_id AND a.status = 'connected'
      WHERE p.next_snapshot_at IS NOT NULL AND p.next_snapshot_at <= now()
      ORDER BY p.next_snapshot_at
      LIMIT ${limit}
      FOR UPDATE OF p SKIP LOCKED)
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
