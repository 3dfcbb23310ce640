// The analytics page's faster queries (stored hashtags, the heatmap grouped by local hour) against the
// queries they replaced, kept here as the reference: same rows, same numbers, on texts and zones chosen
// to catch the differences (punctuation, case, repeats, line breaks; a half-hour zone, DST, posts
// without an engagement number).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { workspaces } from '@plume/db/schema/workspaces';
import { seedAccount, seedMeasuredPost } from '@plume/testing/seed-analytics';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import type { AnalyticsScope } from './analytics-scope.ts';
import { getBreakdowns } from './get-breakdowns.ts';
import { getPostingHeatmap } from './get-posting-heatmap.ts';

let database: TestDatabase;
let db: Database;

const TEXTS = [
  'Launch day #Plume #plume #PLUME!',
  'Line one\n#first\tline two #second, and #third.',
  '#a #b #a',
  'Not a tag: # alone, ## double, #) closing, mid#word',
  'Quoted "#quote" and (#paren) and #end?!',
  'Unicode #café #Café #日本',
  'Trailing #dots... #commas,, #mixed.;:',
  '',
  'no tags at all',
  '#only',
];

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

async function workspaceWithPosts(timezone: string): Promise<string> {
  const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Same answers', slug: workspaceId, timezone });
  const accountId = await seedAccount(db, { workspaceId, network: 'mastodon', handle: '@same@example.test' });
  // 120 posts over March 2026 (Europe's DST change on the 29th), every 6 h 13 min, some without numbers.
  for (let index = 0; index < 120; index += 1) {
    const publishedAt = new Date(Date.parse('2026-03-01T00:07:00Z') + index * 373 * 60_000);
    const text = TEXTS[index % TEXTS.length] ?? '';
    const metrics = index % 7 === 0 ? {} : { likes: (index * 37) % 101, reposts: index % 5, replies: index % 3 };
    await seedMeasuredPost(db, { workspaceId, accountId, network: 'mastodon', publishedAt, text, metrics });
  }
  return workspaceId;
}

/** The hashtag breakdown as it was: every text parsed at query time. */
async function hashtagsParsedAtQueryTime(scope: AnalyticsScope) {
  const { rows } = await db.execute<{
    key: string;
    posts: number;
    engagements: number | null;
    rate: number | null;
  }>(sql`
    SELECT mp.key, count(*)::int AS posts, sum(mp.engagements)::float8 AS engagements,
           avg(mp.engagement_rate)::float8 AS rate
    FROM (
      SELECT DISTINCT posts.id, lower(rtrim(substr(word, 2), '.,;:!?)]}"''')) AS key, posts.engagements,
             posts.engagement_rate
      FROM measured_posts posts,
           unnest(string_to_array(translate(posts.text, E'\n\r\t', '   '), ' ')) AS word
      WHERE posts.workspace_id = ${scope.workspaceId}
        AND posts.published_at >= ((${scope.from})::date::timestamp AT TIME ZONE ${scope.timezone})
        AND posts.published_at < ((${scope.to})::date::timestamp AT TIME ZONE ${scope.timezone}) + interval '1 day'
        AND posts.hashtag_count > 0 AND word LIKE '#_%'
    ) AS mp
    WHERE mp.key <> ''
    GROUP BY mp.key
    ORDER BY posts DESC, mp.key
    LIMIT 20`);
  return rows;
}

/** The heatmap as it was: each post's weekday and hour read from its own local time. */
async function heatmapPerPost(scope: AnalyticsScope) {
  const { rows } = await db.execute<{ weekday: number; hour: number; posts: number; mean: number | null }>(sql`
    SELECT extract(isodow FROM local_time)::int AS weekday, extract(hour FROM local_time)::int AS hour,
           count(*)::int AS posts, avg(engagements)::float8 AS mean
    FROM (
      SELECT published_at AT TIME ZONE ${scope.timezone} AS local_time, engagements
      FROM measured_posts
      WHERE workspace_id = ${scope.workspaceId}
        AND published_at >= ((${scope.from})::date::timestamp AT TIME ZONE ${scope.timezone})
        AND published_at < ((${scope.to})::date::timestamp AT TIME ZONE ${scope.timezone}) + interval '1 day'
    ) AS local_posts
    GROUP BY 1, 2
    ORDER BY 1, 2`);
  return rows;
}

describe('the stored hashtags', () => {
  it('are the tags the breakdown used to parse from the text, each once', async () => {
    const workspaceId = await workspaceWithPosts('UTC');
    const { rows } = await db.execute<{ text: string; hashtags: string[] }>(
      sql`SELECT DISTINCT text, hashtags FROM measured_posts WHERE workspace_id = ${workspaceId} ORDER BY text`,
    );
    const byText = new Map(rows.map((row) => [row.text, row.hashtags]));
    expect(byText.get('Launch day #Plume #plume #PLUME!')).toEqual(['plume']);
    expect(byText.get('Line one\n#first\tline two #second, and #third.')).toEqual(['first', 'second', 'third']);
    expect(byText.get('Not a tag: # alone, ## double, #) closing, mid#word')).toEqual(['#']);
    expect(byText.get('Unicode #café #Café #日本')).toEqual(['café', '日本']);
    expect(byText.get('no tags at all')).toEqual([]);
    expect(byText.get('')).toEqual([]);
  });

  it('give the hashtag breakdown the rows and numbers of the query-time parse', async () => {
    const workspaceId = await workspaceWithPosts('Europe/Berlin');
    const scope: AnalyticsScope = { workspaceId, timezone: 'Europe/Berlin', from: '2026-03-02', to: '2026-03-28' };
    const expected = await hashtagsParsedAtQueryTime(scope);
    const { hashtags } = await getBreakdowns(db, scope);
    expect(expected.length).toBeGreaterThan(5);
    expect(hashtags.map((row) => [row.key, row.posts, row.engagements, row.engagementRate])).toEqual(
      expected.map((row) => [row.key, row.posts, row.engagements, row.rate]),
    );
  });
});

describe('the heatmap grouped by local hour', () => {
  it.each(['Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns'])(
    'gives the cells and means of the per-post query in %s',
    async (timezone) => {
      const workspaceId = await workspaceWithPosts(timezone);
      const scope: AnalyticsScope = { workspaceId, timezone, from: '2026-03-01', to: '2026-03-31' };
      const expected = await heatmapPerPost(scope);
      const { cells } = await getPostingHeatmap(db, scope);
      expect(expected.length).toBeGreaterThan(20);
      expect(expected.some((row) => row.mean === null)).toBe(true);
      expect(cells).toEqual(
        expected.map((row) => ({ weekday: row.weekday, hour: row.hour, posts: row.posts, meanEngagements: row.mean })),
      );
    },
  );
});
