/**
 * The snapshot engine against real PostgreSQL and the Mastodon fake over HTTP: scheduling at publish,
 * batched reads, late and overdue readings, gone posts, read limits with Retry-After, disconnected
 * accounts waiting, and daily account readings.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectAccountMetrics } from '@plume/core/analytics/collect-account-metrics';
import { purgeOldSnapshots } from '@plume/core/analytics/purge-snapshots';
import { backfillAccount } from '@plume/core/analytics/backfill-account';
import { collectPostMetrics, type AnalyticsDeps } from '@plume/core/analytics/collect-post-metrics';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { publishTarget, type PublishDeps } from '@plume/core/publishing/publish-target';
import { accountMetricSnapshots, measuredPosts, postMetricSnapshots } from '@plume/db/schema/analytics';
import { socialAccounts } from '@plume/db/schema/social';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../test-support/connect-mastodon.ts';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { seedMeasuredPost } from '@plume/core/reports/report-test-fixture';
import { postAlerts } from '@plume/db/schema/reports';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';

let testApp: TestApp;
let fake: MastodonFake;
let owner: TestUser;
let workspace: TestWorkspace;
let accountId: string;
let publishDeps: PublishDeps;
let deps: AnalyticsDeps;
const MINUTE = 60_000;

beforeAll(async () => {
  fake = await startMastodonFake();
  testApp = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [mastodonProvider] },
  );
  owner = await createUser(testApp.app, testApp.db, { name: 'Olive Owner' });
  workspace = await createWorkspaceAs(testApp.app, owner);
  accountId = await connectMastodon(testApp.app, fake, owner, workspace);
  const { context } = testApp;
  const tokenDeps = {
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
  };
  publishDeps = {
    ...tokenDeps,
    media: context.publishing.media,
    limiter: createNetworkLimiter(),
    runnerId: 'test-runner',
    staleRunnerSeconds: 60,
  };
  deps = { ...tokenDeps, limiter: createNetworkLimiter() };
});

afterAll(async () => {
  await testApp.close();
  await fake.close();
});

beforeEach(async () => {
  // Each test starts with nothing due and fresh budgets.
  await testApp.db.execute(sql`UPDATE measured_posts SET next_snapshot_at = NULL`);
  await testApp.db.execute(sql`DELETE FROM analytics_read_limits`);
});

/** Publishes a post through the engine and returns its measured_posts row. */
async function publish(text: string) {
  const created = await testApp.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/posts`,
    headers: owner.headers,
    payload: {
      content: { text, hashtags: ['plume'] },
      targets: [{ accountId }],
      scheduledAt: new Date().toISOString(),
      submit: true,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const targetId = created.json<{ targets: { id: string }[] }>().targets[0]!.id;
  expect(await publishTarget(publishDeps, targetId)).toBe('published');
  const [row] = await testApp.db.select().from(measuredPosts).where(eq(measuredPosts.targetId, targetId));
  if (row === undefined) throw new Error('no measured post');
  return row;
}

/** Moves a post's publishing time `minutesAgo` back, due now at offset index `index`. */
async function backdate(id: string, minutesAgo: number, index: number) {
  const publishedAt = new Date(Date.now() - minutesAgo * MINUTE);
  await testApp.db
    .update(measuredPosts)
    .set({ publishedAt, nextOffsetIndex: index, nextSnapshotAt: new Date(Date.now() - 1000) })
    .where(eq(measuredPosts.id, id));
  return publishedAt;
}

function counts(remoteId: string, values: { favourites?: number; reblogs?: number; replies?: number }) {
  Object.assign(fake.state.statuses.get(remoteId)!.counts, values);
}

const snapshotsOf = (id: string) =>
  testApp.db.select().from(postMetricSnapshots).where(eq(postMetricSnapshots.measuredPostId, id));
const rowOf = async (id: string) => (await testApp.db.select().from(measuredPosts).where(eq(measuredPosts.id, id)))[0]!;

describe('scheduling at publish', () => {
  it('creates the measured post with its features and the first snapshot due 15 minutes after publishing', async () => {
    const row = await publish('Measure me https://plume.example/a');
    expect(row).toMatchObject({
      source: 'plume',
      network: 'mastodon',
      text: 'Measure me https://plume.example/a\n\n#plume',
      hashtagCount: 1,
      hashtags: ['plume'],
      hasLink: true,
      hasMedia: false,
      isThread: false,
      status: 'active',
      nextOffsetIndex: 0,
    });
    // Mastodon counts a URL as 23 characters.
    expect(row.charCount).toBe('Measure me '.length + 23 + '\n\n#plume'.length);
    expect(row.nextSnapshotAt!.getTime() - row.publishedAt.getTime()).toBe(15 * MINUTE);
  });
});

describe('collecting snapshots', () => {
  it('reads due posts in one batch call, records each reading and copies it onto the post', async () => {
    const one = await publish('Batch one');
    const two = await publish('Batch two');
    await backdate(one.id, 20, 0);
    const publishedAt = await backdate(two.id, 20, 0);
    counts(one.remoteId, { favourites: 4, reblogs: 2, replies: 1 });
    fake.state.followers.followers = 200;
    await collectAccountMetrics(deps);
    const before = fake.server.requests.length;
    expect(await collectPostMetrics(deps)).toEqual({ claimed: 2 });
    const reads = fake.server.requests.slice(before).filter((request) => request.method === 'GET');
    expect(reads.map((request) => request.path)).toEqual(['/api/v1/statuses']);
    expect(reads[0]!.query.getAll('id[]').sort()).toEqual([one.remoteId, two.remoteId].sort());
    const [snapshot] = await snapshotsOf(one.id);
    expect(snapshot).toMatchObject({ offsetMin: 15, likes: 4, reposts: 2, replies: 1, quotes: 0, engagements: 7 });
    expect(snapshot!.impressions).toBeNull();
    // A late reading says when it was really taken, and when it was due.
    expect(snapshot!.takenAt.getTime()).toBeGreaterThan(snapshot!.dueAt!.getTime());
    const latest = await rowOf(one.id);
    expect(latest).toMatchObject({ likes: 4, engagements: 7, nextOffsetIndex: 1 });
    expect(latest.engagementRate).toBeCloseTo(7 / 200);
    const second = await rowOf(two.id);
    expect(second.nextSnapshotAt!.getTime()).toBe(publishedAt.getTime() + 60 * MINUTE);
    // Nothing is due any more: a second run reads nothing.
    expect(await collectPostMetrics(deps)).toEqual({ claimed: 0 });
  });

  it('takes one reading when several offsets are overdue and skips to the next one ahead', async () => {
    const row = await publish('Worker was down');
    const publishedAt = await backdate(row.id, 5 * 60, 0);
    await collectPostMetrics(deps);
    const snapshots = await snapshotsOf(row.id);
    expect(snapshots.map((snapshot) => snapshot.offsetMin)).toEqual([240]);
    const after = await rowOf(row.id);
    expect(after.nextOffsetIndex).toBe(3);
    expect(after.nextSnapshotAt!.getTime()).toBe(publishedAt.getTime() + 720 * MINUTE);
  });

  it('marks a deleted post gone and never reads it again', async () => {
    const row = await publish('Soon deleted');
    await backdate(row.id, 20, 0);
    fake.state.statuses.delete(row.remoteId);
    await collectPostMetrics(deps);
    expect(await rowOf(row.id)).toMatchObject({ status: 'gone', goneReason: 'not_found', nextSnapshotAt: null });
    expect((await rowOf(row.id)).goneAt).not.toBeNull();
    expect(await snapshotsOf(row.id)).toEqual([]);
  });

  it('a 429 keeps the posts due until the reset, remembered in the database for every worker', async () => {
    const row = await publish('Rate limited');
    await backdate(row.id, 20, 0);
    // More 429s than the HTTP client's own retries of a GET.
    fake.state.rateLimitedReads = 10;
    await collectPostMetrics(deps);
    fake.state.rateLimitedReads = 0;
    const after = await rowOf(row.id);
    expect(after.nextOffsetIndex).toBe(0);
    expect(after.nextSnapshotAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
    const limits = await testApp.db.execute<{ key: string; limited_until: Date | null }>(
      sql`SELECT key, limited_until FROM analytics_read_limits WHERE limited_until IS NOT NULL`,
    );
    expect(limits.rows.map((limit) => limit.key)).toEqual([
      expect.stringMatching(/^mastodon:127\.0\.0\.1:\d+:account:/),
    ]);
    // Due again, but the remembered wait holds the read back.
    await testApp.db
      .update(measuredPosts)
      .set({ nextSnapshotAt: new Date(Date.now() - 1000) })
      .where(eq(measuredPosts.id, row.id));
    const before = fake.server.requests.length;
    await collectPostMetrics(deps);
    expect(fake.server.requests.length).toBe(before);
    expect(await snapshotsOf(row.id)).toEqual([]);
  });

  it('a disconnected account’s posts wait (not claimed, not failed) and are read once it is back', async () => {
    const row = await publish('Account away');
    await backdate(row.id, 20, 0);
    await testApp.db.update(socialAccounts).set({ status: 'disconnected' }).where(eq(socialAccounts.id, accountId));
    expect(await collectPostMetrics(deps)).toEqual({ claimed: 0 });
    await testApp.db.update(socialAccounts).set({ status: 'connected' }).where(eq(socialAccounts.id, accountId));
    expect(await collectPostMetrics(deps)).toEqual({ claimed: 1 });
    expect(await snapshotsOf(row.id)).toHaveLength(1);
  });
});

describe('a network that refuses the metrics', () => {
  it('says so on the account until a read works again', async () => {
    const row = await publish('Not allowed to read');
    await backdate(row.id, 20, 0);
    const forbidden = { error: 'This action is not allowed' };
    fake.server.failNext({
      status: 403,
      body: forbidden,
      match: (request) => request.path.startsWith('/api/v1/statuses'),
    });
    await collectPostMetrics(deps);
    const accountsPage = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/accounts`,
      headers: owner.headers,
    });
    const [listed] = accountsPage.json<{ items: { metricsError: string | null }[] }>().items;
    expect(listed?.metricsError).toBe(
      "Mastodon refuses this account's metrics. The network refused to read the post (403): the Mastodon server does not allow it: This action is not allowed. Reconnecting the account asks for the permission again.",
    );
    await backdate(row.id, 80, 1);
    await collectPostMetrics(deps);
    const [account] = await testApp.db.select().from(socialAccounts).where(eq(socialAccounts.id, accountId));
    expect(account).toMatchObject({ metricsError: null, metricsErrorAt: null });
  });
});

describe('account snapshots', () => {
  it('reads each account once a day', async () => {
    await testApp.db.delete(accountMetricSnapshots);
    fake.state.followers = { followers: 321, following: 12 };
    expect(await collectAccountMetrics(deps)).toEqual({ read: 1, failed: 0 });
    expect(await collectAccountMetrics(deps)).toEqual({ read: 0, failed: 0 });
    const [snapshot] = await testApp.db.select().from(accountMetricSnapshots);
    expect(snapshot).toMatchObject({ accountId, followers: 321, following: 12 });
  });
});

describe('retention', () => {
  it('purges snapshots older than the retention in batches and keeps the post’s latest numbers', async () => {
    const row = await publish('Old enough');
    const old = new Date(Date.now() - 401 * 24 * 60 * MINUTE);
    await testApp.db.insert(postMetricSnapshots).values(
      Array.from({ length: 5 }, (_, index) => ({
        measuredPostId: row.id,
        workspaceId: row.workspaceId,
        takenAt: old,
        likes: index,
      })),
    );
    await testApp.db
      .insert(postMetricSnapshots)
      .values({ measuredPostId: row.id, workspaceId: row.workspaceId, takenAt: new Date(), likes: 9 });
    await testApp.db.update(measuredPosts).set({ likes: 9 }).where(eq(measuredPosts.id, row.id));
    const deleted = await purgeOldSnapshots(testApp.db, 400, { batch: 2 });
    expect(deleted.posts).toBe(5);
    expect((await snapshotsOf(row.id)).map((snapshot) => snapshot.likes)).toEqual([9]);
    expect((await rowOf(row.id)).likes).toBe(9);
  });
});

describe('backfill', () => {
  it('is queued when the account connects', async () => {
    const jobs = await testApp.db.execute<{ key: string }>(
      sql`SELECT key FROM graphile_worker._private_jobs WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'backfill_account')`,
    );
    expect(jobs.rows.map((job) => job.key)).toContain(`backfill:${accountId}`);
  });

  it('reads recent posts with their numbers, links those Plume published, and running again updates them', async () => {
    const published = await publish('Published by Plume');
    counts(published.remoteId, { favourites: 6 });
    const outside = fake.state.nextId();
    fake.state.statuses.set(outside, {
      ...fake.state.statuses.get(published.remoteId)!,
      id: outside,
      text: 'Written in the Mastodon app #fediverse',
      mediaIds: [],
      createdAt: new Date(Date.now() - 3 * 24 * 60 * MINUTE),
      counts: { favourites: 2, reblogs: 1, replies: 0, quotes: 0 },
    });
    const tooOld = fake.state.nextId();
    fake.state.statuses.set(tooOld, {
      ...fake.state.statuses.get(outside)!,
      id: tooOld,
      createdAt: new Date(Date.now() - 120 * 24 * 60 * MINUTE),
    });
    const result = await backfillAccount(deps, accountId);
    expect(result.status).toBe('done');
    const rows = await testApp.db.select().from(measuredPosts).where(eq(measuredPosts.accountId, accountId));
    const byRemote = new Map(rows.map((row) => [row.remoteId, row]));
    expect(byRemote.has(tooOld)).toBe(false);
    expect(byRemote.get(outside)).toMatchObject({
      source: 'backfill',
      targetId: null,
      likes: 2,
      reposts: 1,
      hashtagCount: 1,
      hashtags: ['fediverse'],
      engagements: 3,
    });
    // The post Plume published keeps its row and its target, with the numbers read now.
    expect(byRemote.get(published.remoteId)).toMatchObject({ id: published.id, source: 'plume', likes: 6 });
    counts(outside, { favourites: 5 });
    await backfillAccount(deps, accountId);
    const again = await testApp.db.select().from(measuredPosts).where(eq(measuredPosts.remoteId, outside));
    expect(again).toHaveLength(1);
    expect(again[0]!.likes).toBe(5);
    const readings = await snapshotsOf(again[0]!.id);
    expect(readings.map((reading) => [reading.offsetMin, reading.likes])).toEqual([
      [null, 2],
      [null, 5],
    ]);
  });
});

describe('backfill route', () => {
  it('queues a backfill for editors (202 with progress) and lets viewers poll it, not start it', async () => {
    const viewer = await createUser(testApp.app, testApp.db, { name: 'Vera Viewer' });
    await addMember(testApp.app, workspace, owner, viewer, 'viewer');
    const url = `/api/v1/workspaces/${workspace.id}/accounts/${accountId}/analytics/backfill`;
    const started = await testApp.app.inject({ method: 'POST', url, headers: owner.headers });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ state: 'queued', lastError: null });
    const polled = await testApp.app.inject({ method: 'GET', url, headers: viewer.headers });
    expect(polled.statusCode).toBe(200);
    expect(polled.json()).toMatchObject({ state: 'queued' });
    const refused = await testApp.app.inject({ method: 'POST', url, headers: viewer.headers });
    expect(refused.statusCode).toBe(403);
    const unknown = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/accounts/00000000-0000-4000-8000-000000000000/analytics/backfill`,
      headers: owner.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('alerts', () => {
  it('a reading far above the account’s own curve raises one viral alert as it is collected', async () => {
    // 30 earlier posts of the account, about 10 engagements at every age.
    for (let day = 0; day < 30; day += 1)
      await seedMeasuredPost(
        testApp.db,
        workspace.id,
        accountId,
        { at: new Date(Date.now() - (day + 2) * 24 * 60 * MINUTE).toISOString(), engagements: 10 },
        SNAPSHOT_OFFSETS_MIN.map((offsetMin) => ({ offsetMin, engagements: 10 })),
      );
    const row = await publish('Going viral');
    await backdate(row.id, 20, 0);
    counts(row.remoteId, { favourites: 300, reblogs: 100, replies: 50 });
    await collectPostMetrics(deps);
    const alerts = await testApp.db.select().from(postAlerts).where(eq(postAlerts.measuredPostId, row.id));
    expect(alerts.map((alert) => [alert.direction, alert.engagements])).toEqual([['viral', 450]]);
  });
});
