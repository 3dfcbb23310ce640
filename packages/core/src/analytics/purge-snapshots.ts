/**
 * Retention: deletes post and account snapshots older than SNAPSHOT_RETENTION_DAYS, in batches of
 * 10,000 rows so no statement holds locks or bloats WAL for long. The range is found through the BRIN
 * index on taken_at (rows arrive in time order, so the index is tiny and exact enough). Each post's
 * latest numbers stay on measured_posts.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

const BATCH = 10_000;

export async function purgeOldSnapshots(
  db: Pick<Database, 'execute'>,
  retentionDays: number,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<{ posts: number; accounts: number }> {
  const batch = options.batch ?? BATCH;
  const deleted = { posts: 0, accounts: 0 };
  for (const [table, key] of [
    ['post_metric_snapshots', 'posts'],
    ['account_metric_snapshots', 'accounts'],
  ] as const) {
    for (let round = 0; round < (options.maxBatches ?? 1000); round += 1) {
      const result = await db.execute(sql`
        DELETE FROM ${sql.identifier(table)} WHERE id IN (
          SELECT id FROM ${sql.identifier(table)}
          WHERE taken_at < now() - make_interval(days => ${retentionDays}) LIMIT ${batch})`);
      const count = result.rowCount ?? 0;
      deleted[key] += count;
      if (count < batch) break;
    }
  }
  return deleted;
}
