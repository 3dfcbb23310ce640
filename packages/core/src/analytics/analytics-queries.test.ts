import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { workspaces } from '@plume/db/schema/workspaces';
import { seedAccount, seedFollowers, seedMeasuredPost } from '@plume/testing/seed-analytics';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import type { AnalyticsScope, MetricsOfNetwork } from './analytics-scope.ts';
import { getAnalyticsOverview } from './get-analytics-overview.ts';
import { getBreakdowns } from './get-breakdowns.ts';
import { getPostingHeatmap } from './get-posting-heatmap.ts';
import { listFollowerSeries } from './list-follower-series.ts';
import { listTopPosts } from './list-top-posts.ts';

let database: TestDatabase;
let db: Database;
const metricsOf: MetricsOfNetwork = (network) =>
  network === 'x'
    ? { postMetrics: ['impressions', 'likes', 'reposts', 'quotes', 'replies'], accountMetrics: ['followers'] }
    : { postMetrics: ['likes', 'reposts', 'replies'], accountMetrics: ['followers'] };

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

async function workspaceIn(timezone: string): Promise<string> {
  const id = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id, name: 'Analytics', slug: id, timezone });
  return id;
}

const at = (iso: string) => new Date(iso);

describe('the workspace overview', () => {
  it('splits the range from the period before it on the workspace clock, and keeps unreported metrics null', async () => {
    const workspaceId = await workspaceIn('Europe/Paris');
    const mastodon = await seedAccount(db, { workspaceId, network: 'mastodon', handle: '@ada@example.test' });
    const x = await seedAccount(db, { workspaceId, network: 'x', handle: 'ada' });
    const post = (accountId: string, network: 'mastodon' | 'x', iso: string, metrics: Record<string, number>) =>
      seedMeasuredPost(db, { workspaceId, accountId, network, publishedAt: at(iso), metrics, followers: 1000 });
    // Range 2026-03-08..14 (Paris); the period before is 2026-03-01..07.
    await post(mastodon, 'mastodon', '2026-03-08T09:00:00Z', { likes: 10, reposts: 2, replies: 1 });
    await post(mastodon, 'mastodon', '2026-03-14T22:59:00Z', { likes: 4, reposts: 0, replies: 0 }); // 23:59 Paris
    await post(mastodon, 'mastodon', '2026-03-14T23:00:00Z', { likes: 99, reposts: 0, replies: 0 }); // the 15th in Paris
    await post(x, 'x', '2026-03-10T12:00:00Z', { impressions: 2000, likes: 30, reposts: 5, quotes: 1, replies: 4 });
    await post(x, 'x', '2026-03-07T22:30:00Z', { impressions: 500, likes: 5, reposts: 0, quotes: 0, replies: 0 }); // 7th, 23:30
    await post(x, 'x', '2026-03-07T23:30:00Z', { impressions: 800, likes: 8, reposts: 0, quotes: 0, replies: 0 }); // 8th in Paris
    await post(mastodon, 'mastodon', '2026-02-28T22:59:00Z', { likes: 50, reposts: 0, replies: 0 }); // Feb 28th: outside both
    const scope: AnalyticsScope = { workspaceId, timezone: 'Europe/Paris', from: '2026-03-08', to: '2026-03-14' };

    const overview = await getAnalyticsOverview(db, scope, metricsOf);

    expect(overview.range).toEqual({
      from: '2026-03-08',
      to: '2026-03-14',
      previousFrom: '2026-03-01',
      previousTo: '2026-03-07',
      timezone: 'Europe/Paris',
    });
    expect(overview.totals.current).toMatchObject({ posts: 4, engagements: 13 + 4 + 40 + 8, impressions: 2800 });
    expect(overview.totals.previous).toMatchObject({ posts: 1, engagements: 5, impressions: 500 });
    const byNetwork = Object.fromEntries(overview.byNetwork.map((row) => [row.network, row]));
    expect(byNetwork.mastodon?.current).toMatchObject({ posts: 2, engagements: 17, impressions: null, views: null });
    // Mastodon gives no impressions: the rate's audience is the followers (13/1000 and 4/1000; stored as real).
    expect(byNetwork.mastodon?.current.engagementRate).toBeCloseTo((0.013 + 0.004) / 2, 6);
    expect(byNetwork.mastodon?.previous).toEqual({
      posts: 0,
      engagements: null,
      impressions: null,
      views: null,
      engagementRate: null,
    });
    expect(byNetwork.x?.current.impressions).toBe(2800);
    expect(byNetwork.x?.current.engagementRate).toBeCloseTo((40 / 2000 + 8 / 800) / 2, 6);
    expect(overview.byAccount.map((row) => [row.handle, row.current.posts])).toEqual([
      ['@ada@example.test', 2],
      ['ada', 2],
    ]);
    expect(overview.networks).toEqual([
      { network: 'mastodon', ...metricsOf('mastodon') },
      { network: 'x', ...metricsOf('x') },
    ]);
  });

  it('answers zero posts and unknown metrics for a workspace with accounts but nothing measured', async () => {
    const workspaceId = await workspaceIn('UTC');
    await seedAccount(db, { workspaceId, network: 'bluesky', handle: 'new.test' });
    const overview = await getAnalyticsOverview(
      db,
      { workspaceId, timezone: 'UTC', from: '2026-01-01', to: '2026-01-31' },
      () => ({ postMetrics: [], accountMetrics: [] }),
    );
    expect(overview.totals.current).toEqual({
      posts: 0,
      engagements: null,
      impressions: null,
      views: null,
      engagementRate: null,
    });
    expect(overview.networks).toEqual([{ network: 'bluesky', postMetrics: [], accountMetrics: [] }]);
  });
});

describe('the weekday × hour heatmap', () => {
  it("counts each post at its weekday and hour on the workspace's clock, across a DST change", async () => {
    const workspaceId = await workspaceIn('Europe/Paris');
    const accountId = await seedAccount(db, { workspaceId, network: 'mastodon', handle: '@heat@example.test' });
    const post = (iso: string, likes: number) =>
      seedMeasuredPost(db, { workspaceId, accountId, network: 'mastodon', publishedAt: at(iso), metrics: { likes } });
    await post('2026-03-22T23:30:00Z', 10); // Sunday 23:30 UTC = Monday 00:30 CET (UTC+1)
    await post('2026-03-29T22:30:00Z', 20); // Sunday 22:30 UTC = Monday 00:30 CEST (UTC+2): DST began that morning
    await post('2026-03-25T08:15:00Z', 3); // Wednesday 09:15 CET
    const heatmap = await getPostingHeatmap(db, {
      workspaceId,
      timezone: 'Europe/Paris',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(heatmap.cells).toEqual([
      { weekday: 1, hour: 0, posts: 2, meanEngagements: 15 },
      { weekday: 3, hour: 9, posts: 1, meanEngagements: 3 },
    ]);
    const utc = await getPostingHeatmap(db, { workspaceId, timezone: 'UTC', from: '2026-03-01', to: '2026-03-31' });
    expect(utc.cells.map((cell) => [cell.weekday, cell.hour])).toEqual([
      [3, 8],
      [7, 22],
      [7, 23],
    ]);
  });
});

describe('top posts and breakdowns', () => {
  it('ranks by engagements, leaves out posts with no engagement metric, and groups by type, hashtag and length', async () => {
    const workspaceId = await workspaceIn('UTC');
    const accountId = await seedAccount(db, { workspaceId, network: 'x', handle: 'ranker' });
    const seed = (
      text: string,
      metrics: Record<string, number>,
      extra: { hasMedia?: boolean; isThread?: boolean } = {},
    ) =>
      seedMeasuredPost(db, {
        workspaceId,
        accountId,
        network: 'x',
        publishedAt: at('2026-05-04T10:00:00Z'),
        text,
        metrics,
        ...extra,
      });
    await seed('Short #Launch', { impressions: 100, likes: 50 }, { hasMedia: true });
    await seed(`${'A longer post about the launch. '.repeat(4)}#launch #beta`, { impressions: 100, likes: 5 });
    await seed('Read https://example.test/notes', { impressions: 100, likes: 1, replies: 1 }, { isThread: true });
    await seed('No engagement reading yet', { impressions: 40 });
    const scope = { workspaceId, timezone: 'UTC', from: '2026-05-01', to: '2026-05-31' };

    const ranked = await listTopPosts(db, scope, 2);
    expect(ranked.top.map((post) => post.engagements)).toEqual([50, 5]);
    expect(ranked.bottom.map((post) => post.engagements)).toEqual([2]);
    expect(ranked.top[0]).toMatchObject({ handle: 'ranker', network: 'x', text: 'Short #Launch', postId: null });

    const breakdowns = await getBreakdowns(db, scope);
    expect(breakdowns.contentType.map((row) => [row.key, row.posts, row.engagements])).toEqual([
      ['text', 3, 7],
      ['media', 1, 50],
      ['link', 1, 2],
      ['thread', 1, 2],
    ]);
    expect(breakdowns.contentType[0]?.meanEngagements).toBe(3.5);
    expect(breakdowns.hashtags.map((row) => [row.key, row.posts, row.engagements])).toEqual([
      ['launch', 2, 55],
      ['beta', 1, 5],
    ]);
    expect(breakdowns.length.map((row) => [row.key, row.posts])).toEqual([
      ['0-79', 3],
      ['140-279', 1],
    ]);
  });
});

describe('followers over time', () => {
  it("keeps each day's last reading on the workspace's clock, and no points where the network gives none", async () => {
    const workspaceId = await workspaceIn('America/New_York');
    const counted = await seedAccount(db, { workspaceId, network: 'bluesky', handle: 'counted.test' });
    const silent = await seedAccount(db, { workspaceId, network: 'discord', handle: 'silent' });
    await seedFollowers(db, {
      workspaceId,
      accountId: counted,
      readings: [
        { takenAt: at('2026-06-01T12:00:00Z'), followers: 100 },
        { takenAt: at('2026-06-02T03:00:00Z'), followers: 104 }, // 23:00 on June 1st in New York
        { takenAt: at('2026-06-02T13:00:00Z'), followers: 110 },
      ],
    });
    await seedFollowers(db, {
      workspaceId,
      accountId: silent,
      readings: [{ takenAt: at('2026-06-01T12:00:00Z'), followers: null }],
    });
    const series = await listFollowerSeries(db, {
      workspaceId,
      timezone: 'America/New_York',
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(series.accounts.map((account) => [account.handle, account.points])).toEqual([
      [
        'counted.test',
        [
          { date: '2026-06-01', followers: 104 },
          { date: '2026-06-02', followers: 110 },
        ],
      ],
      ['silent', []],
    ]);
  });
});
