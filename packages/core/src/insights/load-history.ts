/**
 * Reads what learning needs from measured_posts: an account's (or a workspace's) measured posts with
 * an engagement count, active, newest first, as the insights package's `HistoryPost`.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { HistoryPost } from '@plume/insights/index';
import type { Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';

type Db = Pick<Database, 'select'>;

/** The newest posts an account's models learn from: enough for a stable level, bounded for speed. */
export const HISTORY_LIMIT = 2_000;

const columns = {
  publishedAt: measuredPosts.publishedAt,
  network: measuredPosts.network,
  text: measuredPosts.text,
  engagements: measuredPosts.engagements,
  impressions: measuredPosts.impressions,
  hasMedia: measuredPosts.hasMedia,
  hasLink: measuredPosts.hasLink,
  isThread: measuredPosts.isThread,
};

type Row = {
  publishedAt: Date;
  network: string;
  text: string;
  engagements: number | null;
  impressions: number | null;
  hasMedia: boolean;
  hasLink: boolean;
  isThread: boolean;
};

/**
 * measured_posts already holds `engagementsOf()` of every metric the network gives; the models count
 * `likes + reposts + replies`, so the whole measured number is passed as `likes`: predictions are then
 * in the same unit as the actual result the post page compares them with.
 */
function toHistoryPost(row: Row): HistoryPost {
  return {
    publishedAt: row.publishedAt,
    network: row.network,
    text: row.text,
    likes: row.engagements ?? 0,
    reposts: 0,
    replies: 0,
    ...(row.impressions === null ? {} : { impressions: row.impressions }),
    hasMedia: row.hasMedia,
    hasLink: row.hasLink,
    isThread: row.isThread,
  };
}

/** An account's newest measured posts (at most `HISTORY_LIMIT`), oldest first. */
export async function loadAccountHistory(db: Db, workspaceId: string, accountId: string): Promise<HistoryPost[]> {
  const rows = await db
    .select(columns)
    .from(measuredPosts)
    .where(
      and(
        eq(measuredPosts.workspaceId, workspaceId),
        eq(measuredPosts.accountId, accountId),
        eq(measuredPosts.status, 'active'),
        isNotNull(measuredPosts.engagements),
      ),
    )
    .orderBy(desc(measuredPosts.publishedAt))
    .limit(HISTORY_LIMIT);
  return rows.map(toHistoryPost).reverse();
}
