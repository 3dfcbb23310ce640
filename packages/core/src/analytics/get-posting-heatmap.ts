import { sql } from 'drizzle-orm';
import type { Heatmap } from '@plume/contract/analytics/analytics-schemas';
import type { Database } from '@plume/db/client';
import { endOfRange, rangeViewOf, startOfDay, type AnalyticsScope } from './analytics-scope.ts';

type CellRow = { weekday: number; hour: number; posts: number; mean_engagements: number | null };

/**
 * Posts and mean engagements by weekday (ISO: 1 = Monday) and hour, both read on the workspace's clock,
 * so a post at 23:30 UTC on a Sunday counts as Monday 01:30 in Paris. Only cells with posts are listed.
 */
export async function getPostingHeatmap(db: Database, scope: AnalyticsScope): Promise<Heatmap> {
  // Each post's local time is computed once (AT TIME ZONE is the costly part) and the posts grouped by
  // local hour first; weekday and hour are then read from those few hundred hours. The mean is avg()'s
  // own arithmetic: the numeric sum of the engagements reported ÷ their number.
  const { rows } = await db.execute<CellRow>(sql`
    SELECT extract(isodow FROM local_hour)::int AS weekday, extract(hour FROM local_hour)::int AS hour,
           sum(posts)::int AS posts, (sum(engagement_sum) / nullif(sum(engaged), 0))::float8 AS mean_engagements
    FROM (
      SELECT date_trunc('hour', published_at AT TIME ZONE ${scope.timezone}) AS local_hour, count(*) AS posts,
             sum(engagements) AS engagement_sum, count(engagements) AS engaged
      FROM measured_posts
      WHERE workspace_id = ${scope.workspaceId}
        AND published_at >= ${startOfDay(scope.from, scope.timezone)} AND published_at < ${endOfRange(scope)}
      GROUP BY 1
    ) AS local_hours
    GROUP BY 1, 2
    ORDER BY 1, 2`);
  return {
    range: rangeViewOf(scope),
    cells: rows.map((row) => ({
      weekday: row.weekday,
      hour: row.hour,
      posts: row.posts,
      meanEngagements: row.mean_engagements,
    })),
  };
}
