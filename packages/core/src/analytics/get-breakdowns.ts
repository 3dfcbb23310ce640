import { sql, type SQL } from 'drizzle-orm';
import type { BreakdownRow, Breakdowns } from '@plume/contract/analytics/analytics-schemas';
import type { Database } from '@plume/db/client';
import { endOfRange, rangeViewOf, startOfDay, type AnalyticsScope } from './analytics-scope.ts';

type GroupRow = {
  key: string;
  posts: number;
  engagements: number | null;
  engaged: number;
  engagement_rate: number | null;
};

/** Character bands, in order; the upper bound is exclusive. */
export const LENGTH_BANDS = [
  { key: '0-79', below: 80 },
  { key: '80-139', below: 140 },
  { key: '140-279', below: 280 },
  { key: '280-499', below: 500 },
  { key: '500+', below: null },
] as const;

const CONTENT_TYPES = ['text', 'media', 'link', 'thread'] as const;

const groupColumns = sql.raw(`count(*)::int AS posts,
  sum(mp.engagements)::float8 AS engagements,
  count(mp.engagements)::int AS engaged,
  avg(mp.engagement_rate)::float8 AS engagement_rate`);

function toRow(row: GroupRow): BreakdownRow {
  return {
    key: row.key,
    posts: row.posts,
    engagements: row.engagements,
    meanEngagements: row.engaged > 0 && row.engagements !== null ? row.engagements / row.engaged : null,
    engagementRate: row.engagement_rate,
  };
}

const lengthCase = sql.raw(
  `CASE ${LENGTH_BANDS.filter((band) => band.below !== null)
    .map((band) => `WHEN mp.char_count < ${band.below} THEN '${band.key}'`)
    .join(' ')} ELSE '500+' END`,
);

/**
 * How the range's posts did by content type (text only, with media, with a link, threads: a post can
 * be in several), by hashtag (the 20 used most) and by length band. Each group reads `measured_posts` once:
 * content type and length from its (workspace, published_at, …) index alone; hashtags from the stored
 * `hashtags` column (each post's distinct tags, computed by PostgreSQL when the text is written), so no
 * text is parsed at query time.
 */
export async function getBreakdowns(db: Database, scope: AnalyticsScope): Promise<Breakdowns> {
  const inRange = sql`mp.workspace_id = ${scope.workspaceId}
    AND mp.published_at >= ${startOfDay(scope.from, scope.timezone)}
    AND mp.published_at < ${endOfRange(scope)}`;
  const run = async (query: SQL) => (await db.execute<GroupRow>(query)).rows.map(toRow);
  const [contentType, hashtags, length] = await Promise.all([
    run(sql`
      SELECT kind.key, ${groupColumns}
      FROM measured_posts mp
      CROSS JOIN LATERAL (VALUES ('text', NOT mp.has_media), ('media', mp.has_media), ('link', mp.has_link),
                                 ('thread', mp.is_thread)) AS kind(key, applies)
      WHERE ${inRange} AND kind.applies
      GROUP BY kind.key`),
    run(sql`
      SELECT tag AS key, ${groupColumns}
      FROM measured_posts mp, unnest(mp.hashtags) AS tag
      WHERE ${inRange} AND mp.hashtag_count > 0
      GROUP BY tag
      ORDER BY posts DESC, key
      LIMIT 20`),
    run(sql`
      SELECT ${lengthCase} AS key, ${groupColumns}
      FROM measured_posts mp
      WHERE ${inRange}
      GROUP BY 1`),
  ]);
  const order = (keys: readonly string[]) => (a: BreakdownRow, b: BreakdownRow) =>
    keys.indexOf(a.key) - keys.indexOf(b.key);
  return {
    range: rangeViewOf(scope),
    contentType: contentType.sort(order(CONTENT_TYPES)),
    hashtags,
    length: length.sort(order(LENGTH_BANDS.map((band) => band.key))),
  };
}
