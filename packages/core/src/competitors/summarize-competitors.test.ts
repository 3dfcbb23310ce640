/** The Intelligence agent's competitor summary: hours on the workspace clock, tags, topics, no text, bounded. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { competitorPosts, competitors } from '@plume/db/schema/competitors';
import { workspaces } from '@plume/db/schema/workspaces';
import { competitorSummarySchema } from '@plume/contract/competitors/competitor-schemas';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { storedCompetitors } from '../agents/intelligence/competitor-source.ts';
import { summarizeCompetitors } from './summarize-competitors.ts';

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

/** `days` ago at HH:MM UTC. */
function at(days: number, hourUtc: number): Date {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
}

describe('summarizeCompetitors', () => {
  it('summarizes cadence, engagement, tags, topics and active hours in the workspace zone', async () => {
    const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
    await db.insert(workspaces).values({ id: workspaceId, name: 'S', slug: workspaceId, timezone: 'Asia/Tokyo' });
    const [rival] = await db
      .insert(competitors)
      .values({
        workspaceId,
        network: 'bluesky',
        handle: 'rival.test',
        displayName: 'Rival',
        state: 'ok',
        followers: 50,
      })
      .returning();
    const [empty] = await db
      .insert(competitors)
      .values({ workspaceId, network: 'mastodon', handle: '@ghost@example.social', state: 'not_found' })
      .returning();
    const rows = Array.from({ length: 40 }, (_, index) => ({
      competitorId: rival!.id,
      remoteId: `p${index}`,
      // 01:00 UTC = 10:00 in Tokyo; a few at 12:00 UTC = 21:00.
      publishedAt: at(1 + (index % 20), index % 4 === 0 ? 12 : 1),
      hashtags: index % 2 === 0 ? ['coffee', `rare${index}`] : ['coffee'],
      topicWords: ['espresso', `word${index}`],
      hasMedia: index % 2 === 0,
      hasLink: false,
      counts: { likes: index },
      engagements: index,
    }));
    rows.push({ ...rows[0]!, remoteId: 'old', publishedAt: at(60, 1) });
    await db.insert(competitorPosts).values(rows);

    const summary = await summarizeCompetitors(db, workspaceId);

    expect(competitorSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.timezone).toBe('Asia/Tokyo');
    const [first, second] = summary.competitors;
    expect(first).toMatchObject({
      handle: 'rival.test',
      posts: 40,
      postsPerWeek: 10,
      medianEngagements: 19.5,
      mediaShare: 0.5,
      linkShare: 0,
    });
    expect(first?.topHashtags[0]).toEqual({ value: 'coffee', posts: 40 });
    expect(first?.topHashtags).toHaveLength(8);
    expect(first?.topTopics[0]).toEqual({ value: 'espresso', posts: 40 });
    expect(first?.activeHours).toEqual([
      { hour: 10, posts: 30 },
      { hour: 21, posts: 10 },
    ]);
    expect(first?.bestPosts.map((post) => post.engagements)).toEqual([39, 38, 37]);
    expect(second).toMatchObject({ state: 'not_found', posts: 0, mediaShare: null, topHashtags: [], bestPosts: [] });
    expect(empty).toBeDefined();
    expect(JSON.stringify(summary).length).toBeLessThan(4000);
  });

  it('is empty for a workspace without competitors', async () => {
    const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
    await db.insert(workspaces).values({ id: workspaceId, name: 'E', slug: workspaceId, timezone: 'UTC' });

    expect(await summarizeCompetitors(db, workspaceId)).toEqual({
      timezone: 'UTC',
      windowDays: 28,
      competitors: [],
      own: [],
    });
  });

  it('gives the Intelligence agent one bounded line per competitor with posts, busiest first', async () => {
    const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
    await db.insert(workspaces).values({ id: workspaceId, name: 'I', slug: workspaceId, timezone: 'UTC' });
    const named = await db
      .insert(competitors)
      .values([
        { workspaceId, network: 'bluesky', handle: 'slow.test', state: 'ok', followers: 12 },
        { workspaceId, network: 'mastodon', handle: '@busy@example.social', state: 'ok' },
        { workspaceId, network: 'bluesky', handle: 'ghost.test', state: 'not_found' },
      ])
      .returning();
    const post = (competitorId: string, index: number) => ({
      competitorId,
      remoteId: `${competitorId}-${index}`,
      publishedAt: at(1 + (index % 10), 9),
      hashtags: ['coffee', `tag${index}`],
      topicWords: ['espresso'],
      hasMedia: true,
      hasLink: false,
      counts: { likes: index },
      engagements: index,
    });
    await db
      .insert(competitorPosts)
      .values([
        ...Array.from({ length: 2 }, (_, index) => post(named[0]!.id, index)),
        ...Array.from({ length: 30 }, (_, index) => post(named[1]!.id, index)),
      ]);

    const lines = await storedCompetitors(db).summaries(workspaceId, 5);

    expect(lines.map((line) => line.handle)).toEqual(['@busy@example.social', 'slow.test']);
    expect(lines[0]?.summary).toMatch(/^7\.5 posts\/week; median 15 engagements; media 100%; links 0%; posts at 9h/);
    expect(lines[0]?.summary).toContain('#coffee');
    expect(lines[1]?.summary).toContain('12 followers');
    for (const line of lines) expect(line.summary.length).toBeLessThanOrEqual(300);
    expect(await storedCompetitors(db).summaries(workspaceId, 1)).toHaveLength(1);
  });
});
