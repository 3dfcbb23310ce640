/**
 * The batched publishing path's twin of `insertMeasuredPost`: creates the measured_posts rows of many
 * targets just recorded as published, in one statement, with their first snapshot due
 * SNAPSHOT_OFFSETS_MIN[0] after publishing. Reads account, network, remote id and publish time from the
 * targets themselves, so it must run after they were updated, in the same transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';
import type { PostFeatures } from './post-features.ts';

export async function insertMeasuredPostsBatch(
  tx: Pick<Tx, 'execute'>,
  items: readonly { targetId: string; features: PostFeatures }[],
): Promise<void> {
  if (items.length === 0) return;
  const input = JSON.stringify(
    items.map(({ targetId, features }) => ({
      target_id: targetId,
      text: features.text,
      char_count: features.charCount,
      hashtag_count: Math.min(features.hashtagCount, 32_767),
      has_media: features.hasMedia,
      has_link: features.hasLink,
      is_thread: features.isThread,
    })),
  );
  const firstOffsetMin = SNAPSHOT_OFFSETS_MIN[0];
  await tx.execute(sql`
    INSERT INTO measured_posts (workspace_id, account_id, network, remote_id, remote_url, target_id, source, published_at,
      text, char_count, hashtag_count, has_media, has_link, is_thread, next_snapshot_at, next_offset_index)
    SELECT t.workspace_id, t.account_id, t.network, t.remote_id, t.remote_url, t.id, 'plume', t.published_at,
      m.text, m.char_count, m.hashtag_count::smallint, m.has_media, m.has_link, m.is_thread,
      t.published_at + make_interval(mins => ${firstOffsetMin}::int), 0
    FROM json_to_recordset(${input}::json)
      AS m(target_id uuid, text text, char_count int, hashtag_count int, has_media boolean, has_link boolean, is_thread boolean)
    JOIN post_targets t ON t.id = m.target_id
    -- The ids as an array as well, so the targets are read by their key (a join alone scanned them all).
    WHERE t.id = ANY(${`{${items.map((item) => item.targetId).join(',')}}`}::uuid[])
    -- Only targets this batch really published, and not those measured already (published again after an unconfirmed attempt).
      AND t.state = 'published' AND t.remote_id IS NOT NULL AND t.published_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM measured_posts mp WHERE mp.target_id = t.id)
    ON CONFLICT (account_id, remote_id) DO UPDATE SET target_id = EXCLUDED.target_id, source = 'plume',
      published_at = EXCLUDED.published_at, next_snapshot_at = EXCLUDED.next_snapshot_at,
      next_offset_index = EXCLUDED.next_offset_index
      WHERE measured_posts.target_id IS NULL`);
}
