import { sql } from 'drizzle-orm';
import type { PostMetrics } from '@plume/contract/analytics/analytics-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import type { MeasuredPostStatus } from '@plume/db/schema/analytics';
import { AppError } from '@plume/errors/app-error';
import type { MetricsOfNetwork } from './analytics-scope.ts';
import { networksOf } from './get-analytics-overview.ts';

type TargetRow = {
  target_id: string;
  account_id: string;
  network: NetworkId;
  handle: string;
  display_name: string;
  measured_post_id: string | null;
  status: MeasuredPostStatus | null;
  /** drizzle's driver leaves timestamps as text. */
  published_at: string | null;
};

type PointRow = {
  measured_post_id: string;
  taken_at: string;
  offset_min: number | null;
  engagements: number | null;
  impressions: number | null;
  views: number | null;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
};

type Point = Omit<PointRow, 'measured_post_id' | 'taken_at' | 'offset_min'> & {
  takenAt: Date;
  offsetMin: number | null;
};
type TargetCurve = Omit<PostMetrics['targets'][number], 'publishedAt' | 'points'> & {
  publishedAt: Date | null;
  points: Point[];
};

/**
 * Each target of a post with its snapshots, oldest first: the curve of its metrics since it went out.
 * Reads the snapshots through their (measured_post_id, taken_at) index. Another workspace's post: 404.
 */
export async function getPostMetrics(
  db: Database,
  input: { workspaceId: string; postId: string },
  metricsOf: MetricsOfNetwork,
): Promise<{ targets: TargetCurve[]; networks: PostMetrics['networks'] }> {
  const found = await db.execute(
    sql`SELECT 1 FROM posts WHERE id = ${input.postId} AND workspace_id = ${input.workspaceId}`,
  );
  if (found.rows.length === 0) throw AppError.notFound('post');
  const { rows: targets } = await db.execute<TargetRow>(sql`
    SELECT pt.id AS target_id, pt.account_id, pt.network, sa.handle, sa.display_name,
           mp.id AS measured_post_id, mp.status, coalesce(mp.published_at, pt.published_at) AS published_at
    FROM post_targets pt
    JOIN social_accounts sa ON sa.id = pt.account_id
    LEFT JOIN measured_posts mp ON mp.target_id = pt.id
    WHERE pt.post_id = ${input.postId} AND pt.workspace_id = ${input.workspaceId}
    ORDER BY pt.network, sa.handle, pt.id`);
  const measured = targets.flatMap((target) => (target.measured_post_id ? [target.measured_post_id] : []));
  const points = new Map<string, Point[]>();
  if (measured.length > 0) {
    const { rows } = await db.execute<PointRow>(sql`
      SELECT measured_post_id, taken_at, offset_min, engagements, impressions::float8 AS impressions,
             views::float8 AS views, likes, reposts, replies
      FROM post_metric_snapshots
      WHERE measured_post_id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(measured)}::json))
      ORDER BY measured_post_id, taken_at`);
    for (const { measured_post_id: id, taken_at: takenAt, offset_min: offsetMin, ...metrics } of rows) {
      const list = points.get(id) ?? [];
      list.push({ takenAt: new Date(takenAt), offsetMin, ...metrics });
      points.set(id, list);
    }
  }
  return {
    targets: targets.map((target) => ({
      targetId: target.target_id,
      accountId: target.account_id,
      network: target.network,
      handle: target.handle,
      displayName: target.display_name,
      measuredPostId: target.measured_post_id,
      status: target.status,
      publishedAt: target.published_at === null ? null : new Date(target.published_at),
      points: target.measured_post_id ? (points.get(target.measured_post_id) ?? []) : [],
    })),
    networks: networksOf(targets, metricsOf),
  };
}
