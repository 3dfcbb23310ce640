import { sql } from 'drizzle-orm';
import type { MeasuredPostView } from '@plume/contract/analytics/analytics-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import type { MeasuredPostSource, MeasuredPostStatus } from '@plume/db/schema/analytics';
import { endOfRange, rangeViewOf, startOfDay, type AnalyticsScope, type RangeView } from './analytics-scope.ts';

type PostRow = {
  id: string;
  account_id: string;
  network: NetworkId;
  handle: string;
  display_name: string;
  post_id: string | null;
  source: MeasuredPostSource;
  remote_url: string | null;
  /** drizzle's driver leaves timestamps as text. */
  published_at: string;
  text: string;
  status: MeasuredPostStatus;
  engagements: number | null;
  engagement_rate: number | null;
  impressions: number | null;
  views: number | null;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
};

/** A measured post as the API answers it (dates as Date: the contract's codec writes them). */
export type MeasuredPost = Omit<MeasuredPostView, 'publishedAt'> & { publishedAt: Date };

function toView(row: PostRow): MeasuredPost {
  return {
    id: row.id,
    accountId: row.account_id,
    network: row.network,
    handle: row.handle,
    displayName: row.display_name,
    postId: row.post_id,
    source: row.source,
    remoteUrl: row.remote_url,
    publishedAt: new Date(row.published_at),
    text: row.text,
    status: row.status,
    engagements: row.engagements,
    engagementRate: row.engagement_rate,
    impressions: row.impressions,
    views: row.views,
    likes: row.likes,
    reposts: row.reposts,
    replies: row.replies,
  };
}

/**
 * The `limit` posts of the range with the most engagements, and the `limit` with the fewest. Posts
 * whose network gave no engagement metric are in neither (they are unknown, not bad).
 */
export async function listTopPosts(
  db: Database,
  scope: AnalyticsScope,
  limit: number,
): Promise<{ range: RangeView; top: MeasuredPost[]; bottom: MeasuredPost[] }> {
  // The `limit` ids are chosen from the (workspace, published_at, …) index alone; only those rows are read.
  const select = (direction: 'DESC' | 'ASC') => sql`
    WITH chosen AS (
      SELECT id, engagements, published_at
      FROM measured_posts
      WHERE workspace_id = ${scope.workspaceId}
        AND published_at >= ${startOfDay(scope.from, scope.timezone)} AND published_at < ${endOfRange(scope)}
        AND engagements IS NOT NULL
      ORDER BY engagements ${sql.raw(direction)}, published_at DESC, id
      LIMIT ${limit})
    SELECT mp.id, mp.account_id, mp.network, sa.handle, sa.display_name, pt.post_id, mp.source, mp.remote_url,
           mp.published_at, mp.text, mp.status, mp.engagements, mp.engagement_rate::float8 AS engagement_rate,
           mp.impressions::float8 AS impressions, mp.views::float8 AS views, mp.likes, mp.reposts, mp.replies
    FROM chosen
    JOIN measured_posts mp ON mp.id = chosen.id
    JOIN social_accounts sa ON sa.id = mp.account_id
    LEFT JOIN post_targets pt ON pt.id = mp.target_id
    ORDER BY chosen.engagements ${sql.raw(direction)}, chosen.published_at DESC, chosen.id`;
  const [top, bottom] = await Promise.all([db.execute<PostRow>(select('DESC')), db.execute<PostRow>(select('ASC'))]);
  // With fewer than 2 × limit posts the two ends overlap: a post is shown once, among the best.
  const best = new Set(top.rows.map((row) => row.id));
  const worst = bottom.rows.filter((row) => !best.has(row.id));
  return { range: rangeViewOf(scope), top: top.rows.map(toView), bottom: worst.map(toView) };
}
