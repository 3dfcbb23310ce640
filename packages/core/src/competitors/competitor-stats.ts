/**
 * Cadence and engagement over the last STATS_DAYS, the same way for competitors (competitor_posts) and
 * for the workspace's own accounts (measured_posts), so the two compare: posts per week, and the
 * median engagements of the posts that have any count (null when none has).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const STATS_DAYS = 28;

export type CadenceStats = { posts: number; postsPerWeek: number; medianEngagements: number | null };

type StatsRow = { key: string; posts: number | string; median: number | string | null };

function statsOf(row: StatsRow | undefined): CadenceStats {
  const posts = Number(row?.posts ?? 0);
  return {
    posts,
    postsPerWeek: Math.round((posts / (STATS_DAYS / 7)) * 10) / 10,
    medianEngagements: row?.median === null || row?.median === undefined ? null : Number(row.median),
  };
}

/** Stats per competitor id of the workspace. */
export async function competitorStats(db: Database, workspaceId: string): Promise<Map<string, CadenceStats>> {
  const result = await db.execute<StatsRow>(sql`
    SELECT c.id AS key, count(p.id) AS posts,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY p.engagements) FILTER (WHERE p.engagements IS NOT NULL) AS median
    FROM competitors c
    LEFT JOIN competitor_posts p ON p.competitor_id = c.id
      AND p.published_at > now() - make_interval(days => ${STATS_DAYS})
    WHERE c.workspace_id = ${workspaceId}
    GROUP BY c.id`);
  return new Map(result.rows.map((row) => [row.key, statsOf(row)]));
}

/** The workspace's own stats per network, over its connected and past accounts' measured posts. */
export async function ownStats(db: Database, workspaceId: string): Promise<Map<string, CadenceStats>> {
  const result = await db.execute<StatsRow>(sql`
    SELECT network AS key, count(*) AS posts,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY engagements) FILTER (WHERE engagements IS NOT NULL) AS median
    FROM measured_posts
    WHERE workspace_id = ${workspaceId} AND status = 'active'
      AND published_at > now() - make_interval(days => ${STATS_DAYS})
    GROUP BY network`);
  return new Map(result.rows.map((row) => [row.key, statsOf(row)]));
}

export const emptyStats: CadenceStats = { posts: 0, postsPerWeek: 0, medianEngagements: null };

/** Each competitor's most used hashtags over the last STATS_DAYS, most used first (at most `limit`). */
export async function competitorTopHashtags(
  db: Database,
  workspaceId: string,
  limit = 3,
): Promise<Map<string, string[]>> {
  const result = await db.execute<{ competitor_id: string; tag: string }>(sql`
    SELECT competitor_id, tag FROM (
      SELECT p.competitor_id, tag, row_number() OVER (PARTITION BY p.competitor_id ORDER BY count(*) DESC, tag) AS rank
      FROM competitor_posts p JOIN competitors c ON c.id = p.competitor_id, unnest(p.hashtags) AS tag
      WHERE c.workspace_id = ${workspaceId} AND p.published_at > now() - make_interval(days => ${STATS_DAYS})
      GROUP BY p.competitor_id, tag
    ) ranked WHERE rank <= ${limit} ORDER BY competitor_id, rank`);
  const tags = new Map<string, string[]>();
  for (const row of result.rows) tags.set(row.competitor_id, [...(tags.get(row.competitor_id) ?? []), row.tag]);
  return tags;
}
