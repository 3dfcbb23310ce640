/**
 * Creates the measured_posts row of a target Plume just published, with its first snapshot due
 * SNAPSHOT_OFFSETS_MIN[0] after publishing. Runs inside the publish outcome's transaction (one
 * statement). A post already known (read back by a backfill first) is linked to its target instead.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import type { PostFeatures } from './post-features.ts';
import { firstSnapshot } from './snapshot-schedule.ts';

export async function insertMeasuredPost(
  tx: Pick<Tx, 'execute'>,
  input: {
    workspaceId: string;
    accountId: string;
    network: string;
    remoteId: string;
    remoteUrl: string | null;
    targetId: string;
    publishedAt: Date;
    features: PostFeatures;
  },
): Promise<void> {
  const { features } = input;
  const first = firstSnapshot(input.publishedAt);
  await tx.execute(sql`
    INSERT INTO measured_posts (workspace_id, account_id, network, remote_id, remote_url, target_id, source, published_at,
      text, char_count, hashtag_count, has_media, has_link, is_thread, next_snapshot_at, next_offset_index)
    SELECT ${input.workspaceId}, ${input.accountId}::uuid, ${input.network}, ${input.remoteId}, ${input.remoteUrl},
      ${input.targetId}::uuid, 'plume', ${input.publishedAt}::timestamptz, ${features.text}, ${features.charCount}::int,
      ${Math.min(features.hashtagCount, 32_767)}::smallint, ${features.hasMedia}::boolean, ${features.hasLink}::boolean,
      ${features.isThread}::boolean, ${first.at}::timestamptz, ${first.index}::smallint
    -- A target measured already (published again after an unconfirmed attempt) keeps its row.
    WHERE NOT EXISTS (SELECT 1 FROM measured_posts WHERE target_id = ${input.targetId})
    ON CONFLICT (account_id, remote_id) DO UPDATE SET target_id = EXCLUDED.target_id, source = 'plume',
      published_at = EXCLUDED.published_at, next_snapshot_at = EXCLUDED.next_snapshot_at,
      next_offset_index = EXCLUDED.next_offset_index
      WHERE measured_posts.target_id IS NULL`);
}
