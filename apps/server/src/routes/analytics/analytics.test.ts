import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postTargets } from '@plume/db/schema/publishing';
import { seedAccount, seedFollowers, seedMeasuredPost } from '@plume/testing/seed-analytics';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';

let t: TestApp;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;
let accountId: string;
let postId: string;
let targetId: string;

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}`;
const range = '?from=2026-04-01&to=2026-04-30';

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db);
  viewer = await createUser(t.app, t.db);
  workspace = await createWorkspaceAs(t.app, owner); // Europe/Berlin
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  accountId = await seedAccount(t.db, {
    workspaceId: workspace.id,
    network: 'mastodon',
    handle: '@plume@example.test',
  });
  const created = await t.app.inject({
    method: 'POST',
    url: `${base(workspace.id)}/posts`,
    headers: owner.headers,
    payload: { content: { text: 'Spring launch #plume' }, targets: [{ accountId }] },
  });
  expect(created.statusCode).toBe(201);
  postId = created.json<{ id: string }>().id;
  const [target] = await t.db.select().from(postTargets).where(eq(postTargets.postId, postId));
  targetId = target?.id ?? '';
  await seedMeasuredPost(t.db, {
    workspaceId: workspace.id,
    accountId,
    network: 'mastodon',
    targetId,
    publishedAt: new Date('2026-04-10T07:00:00Z'),
    text: 'Spring launch #plume',
    metrics: { likes: 12, reposts: 3, replies: 2 },
    followers: 340,
    snapshots: [
      { offsetMin: 15, metrics: { likes: 2, reposts: 0, replies: 0 } },
      { offsetMin: 60, metrics: { likes: 7, reposts: 1, replies: 1 } },
    ],
  });
  await seedFollowers(t.db, {
    workspaceId: workspace.id,
    accountId,
    readings: [{ takenAt: new Date('2026-04-10T21:00:00Z'), followers: 340 }],
  });
});
afterAll(async () => t.close());

describe('analytics routes', () => {
  it('lets a viewer read the overview, top posts, breakdowns, heatmap and followers', async () => {
    const get = (path: string) =>
      t.app.inject({ method: 'GET', url: `${base(workspace.id)}/analytics/${path}`, headers: viewer.headers });
    const overview = await get(`overview${range}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({
      range: { from: '2026-04-01', to: '2026-04-30', previousFrom: '2026-03-02', timezone: 'Europe/Berlin' },
      totals: { current: { posts: 1, engagements: 17, impressions: null }, previous: { posts: 0 } },
      // What Mastodon's manifest says it reports, so the page can say "not reported by Mastodon" for the rest.
      networks: [
        {
          network: 'mastodon',
          postMetrics: ['likes', 'reposts', 'replies', 'quotes'],
          accountMetrics: ['followers', 'following', 'posts'],
        },
      ],
    });
    const postsResponse = await get(`posts${range}&limit=5`);
    const posts = postsResponse.json<{ top: Array<Record<string, unknown>> }>();
    expect(posts.top).toEqual([
      expect.objectContaining({
        postId,
        source: 'plume',
        publishedAt: '2026-04-10T07:00:00.000Z',
        engagements: 17,
        views: null,
      }),
    ]);
    const heatmap = (await get(`heatmap${range}`)).json<{ cells: unknown[] }>();
    expect(heatmap.cells).toEqual([{ weekday: 5, hour: 9, posts: 1, meanEngagements: 17 }]); // Friday 09:00 CEST
    const breakdowns = (await get(`breakdowns${range}`)).json<{ hashtags: Array<{ key: string }> }>();
    expect(breakdowns.hashtags.map((row) => row.key)).toEqual(['plume']);
    const followers = (await get(`followers${range}`)).json<{ accounts: Array<{ points: unknown[] }> }>();
    expect(followers.accounts[0]?.points).toEqual([{ date: '2026-04-10', followers: 340 }]);
  });

  it("answers a post's curve per target, oldest reading first", async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${base(workspace.id)}/posts/${postId}/metrics`,
      headers: viewer.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ targets: Array<{ targetId: string; status: string; points: unknown[] }> }>();
    expect(body.targets).toHaveLength(1);
    expect(body.targets[0]).toMatchObject({ targetId, status: 'active', handle: '@plume@example.test' });
    expect(body.targets[0]?.points).toEqual([
      expect.objectContaining({ offsetMin: 15, engagements: 2, likes: 2, impressions: null }),
      expect.objectContaining({ offsetMin: 60, engagements: 9, takenAt: '2026-04-10T08:00:20.000Z' }),
    ]);
  });

  it('refuses a range that ends before it starts or is too long, naming the field', async () => {
    for (const query of ['?from=2026-04-30&to=2026-04-01', '?from=2024-01-01&to=2026-01-01']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `${base(workspace.id)}/analytics/overview${query}`,
        headers: owner.headers,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'query/to' })]);
    }
    const impossible = await t.app.inject({
      method: 'GET',
      url: `${base(workspace.id)}/analytics/heatmap?from=2026-02-30&to=2026-03-01`,
      headers: owner.headers,
    });
    expect(impossible.json().errors).toEqual([
      { path: 'query/from', message: 'This day does not exist on the calendar.' },
    ]);
  });

  it("keeps other workspaces' analytics and posts out (404)", async () => {
    const stranger = await createUser(t.app, t.db);
    const own = await createWorkspaceAs(t.app, stranger);
    for (const url of [
      `${base(workspace.id)}/analytics/overview${range}`,
      `${base(workspace.id)}/posts/${postId}/metrics`,
      `${base(own.id)}/posts/${postId}/metrics`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: stranger.headers });
      expect(response.statusCode).toBe(404);
    }
  });
});
