/**
 * Writes imported past posts as measured posts (source `import`), many rows a statement. Keyed by
 * (account, remote id) like every measured post, so importing the same file again adds nothing: an
 * imported row gets the file's numbers again, a row Plume published or read back is left alone.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export type ImportedPostRow = {
  remote_id: string;
  published_at: string;
  text: string;
  char_count: number;
  hashtag_count: number;
  has_media: boolean;
  has_link: boolean;
  is_thread: boolean;
  impressions: number | null;
  likes: number;
  reposts: number;
  replies: number;
  engagements: number | null;
  engagement_rate: number | null;
};

/** Rows a statement: well under PostgreSQL's limits, few round trips for a long history. */
export const IMPORT_BATCH_SIZE = 500;

export async function upsertImportedPosts(
  db: Pick<Database, 'transaction'>,
  account: { workspaceId: string; accountId: string; network: string },
  rows: readonly ImportedPostRow[],
  measuredAt: Date,
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
      const batch = JSON.stringify(rows.slice(start, start + IMPORT_BATCH_SIZE));
      const result = await tx.execute<{ inserted: boolean; changed: boolean }>(sql`
        INSERT INTO measured_posts AS m (workspace_id, account_id, network, remote_id, source, published_at, text,
          char_count, hashtag_count, has_media, has_link, is_thread, last_measured_at, impressions, likes, reposts,
          replies, engagements, engagement_rate)
        SELECT ${account.workspaceId}, ${account.accountId}::uuid, ${account.network}, i.remote_id, 'import',
          i.published_at, i.text, i.char_count, i.hashtag_count, i.has_media, i.has_link, i.is_thread,
          ${measuredAt}::timestamptz, i.impressions, i.likes, i.reposts, i.replies, i.engagements, i.engagement_rate
        FROM jsonb_to_recordset(${batch}::jsonb) AS i(remote_id text, published_at timestamptz, text text,
          char_count integer, hashtag_count smallint, has_media boolean, has_link boolean, is_thread boolean,
          impressions bigint, likes integer, reposts integer, replies integer, engagements integer, engagement_rate real)
        ON CONFLICT (account_id, remote_id) DO UPDATE SET impressions = EXCLUDED.impressions, likes = EXCLUDED.likes,
          reposts = EXCLUDED.reposts, replies = EXCLUDED.replies, engagements = EXCLUDED.engagements,
          engagement_rate = EXCLUDED.engagement_rate, has_media = EXCLUDED.has_media, has_link = EXCLUDED.has_link,
          is_thread = EXCLUDED.is_thread
        WHERE m.source = 'import' AND (m.likes, m.reposts, m.replies, m.impressions, m.has_media, m.has_link, m.is_thread)
          IS DISTINCT FROM (EXCLUDED.likes, EXCLUDED.reposts, EXCLUDED.replies, EXCLUDED.impressions,
            EXCLUDED.has_media, EXCLUDED.has_link, EXCLUDED.is_thread)
        RETURNING (xmax = 0) AS inserted, true AS changed`);
      for (const row of result.rows) {
        if (row.inserted) added += 1;
        else updated += 1;
      }
    }
  });
  return { added, updated };
}
