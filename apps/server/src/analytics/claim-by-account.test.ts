/**
 * Claiming due snapshots a whole account at a time, against real PostgreSQL and the Mastodon fake over
 * HTTP: an account's posts due within the look-ahead come along with its due one and share one batch
 * call; interleaved due times of several accounts still give one call per account; a claim never
 * hands the same post to two workers; and on a server without the batch route the read budget counts
 * each single read.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDuePosts, lookAheadSeconds } from '@plume/core/analytics/claim-due-posts';
import { collectPostMetrics, type AnalyticsDeps } from '@plume/core/analytics/collect-post-metrics';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { seedWorkspace } from '@plume/core/reports/report-test-fixture';
import { encryptTokens } from '@plume/core/social/account-store';
import { measuredPosts, postMetricSnapshots } from '@plume/db/schema/analytics';
import { socialAccounts } from '@plume/db/schema/social';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import type { FakeRequest } from '@plume/testing/fakes/fake-network-server';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let testApp: TestApp;
let fake: MastodonFake;
let deps: AnalyticsDeps;
const workspaceId = `claim-${randomUUID()}`;
const SECOND = 1000;
const MINUTE = 60 * SECOND;

beforeAll(async () => {
  fake = await startMastodonFake();
  testApp = await createTestApp({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }, { providers: [mastodonProvider] });
  await seedWorkspace(testApp.db, workspaceId, 'UTC');
  const { context } = testApp;
  deps = {
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
    limiter: createNetworkLimiter(),
  };
});

afterAll(async () => {
  await testApp.close();
  await fake.close();
});

beforeEach(async () => {
  await testApp.db.execute(sql`UPDATE measured_posts SET next_snapshot_at = NULL`);
  await testApp.db.execute(sql`DELETE FROM analytics_read_limits`);
});

/** A connected account on the fake's server, which reports `version`. */
async function addAccount(version = '4.4.0'): Promise<string> {
  const handle = `acct${randomUUID().slice(0, 8)}`;
  const [account] = await testApp.db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network: 'mastodon',
      externalId: `ext-${handle}`,
      handle,
      displayName: handle,
      kind: 'profile',
      metadata: { instanceUrl: fake.instanceUrl, version },
      tokensCiphertext: encryptTokens(testApp.context.keyring, { accessToken: fake.issueToken() }),
    })
    .returning({ id: socialAccounts.id });
  return account!.id;
}

/** A public status on the fake and its measured post, due `dueInMs` from now at offset index `index`. */
async function addPost(accountId: string, dueInMs: number, index = 0): Promise<{ id: string; remoteId: string }> {
  const remoteId = fake.state.nextId();
  const dueAt = new Date(Date.now() + dueInMs);
  const offsetMs = [15, 60, 240, 720, 1440, 4320, 10080, 43200][index]! * MINUTE;
  fake.state.statuses.set(remoteId, {
    id: remoteId,
    text: `Post ${remoteId}`,
    mediaIds: [],
    inReplyToId: null,
    visibility: 'public',
    spoilerText: '',
    language: null,
    sensitive: false,
    idempotencyKey: undefined,
    createdAt: new Date(dueAt.getTime() - offsetMs),
    counts: { favourites: 3, reblogs: 1, replies: 0, quotes: 0 },
  });
  const [row] = await testApp.db
    .insert(measuredPosts)
    .values({
      workspaceId,
      accountId,
      network: 'mastodon',
      remoteId,
      source: 'plume',
      publishedAt: new Date(dueAt.getTime() - offsetMs),
      nextSnapshotAt: dueAt,
      nextOffsetIndex: index,
    })
    .returning({ id: measuredPosts.id });
  return { id: row!.id, remoteId };
}

/** The metrics reads the fake receives while `run` runs. */
async function readsDuring(run: () => Promise<unknown>): Promise<FakeRequest[]> {
  const before = fake.server.requests.length;
  await run();
  return fake.server.requests
    .slice(before)
    .filter((request) => request.method === 'GET' && request.path.startsWith('/api/v1/statuses'));
}

describe('the look-ahead', () => {
  it('is 10 % of the offset, at most 5 minutes', () => {
    expect(lookAheadSeconds(0)).toBe(90);
    expect(lookAheadSeconds(1)).toBe(300);
    expect(lookAheadSeconds(7)).toBe(300);
  });
});

describe('claiming by account', () => {
  it('takes the account’s posts due within the look-ahead along with its due one, in one batch call', async () => {
    const account = await addAccount();
    const due = await addPost(account, -SECOND);
    const soon = await addPost(account, 60 * SECOND);
    const tooLate = await addPost(account, 120 * SECOND);
    const monthly = await addPost(account, 4 * MINUTE, 7);
    const monthlyLater = await addPost(account, 6 * MINUTE, 7);
    // Another account with a post within the look-ahead but none due: it waits.
    const other = await addPost(await addAccount(), 30 * SECOND);

    let result: { claimed: number } = { claimed: 0 };
    const reads = await readsDuring(async () => (result = await collectPostMetrics(deps)));
    expect(result).toEqual({ claimed: 3 });
    expect(reads.map((request) => request.path)).toEqual(['/api/v1/statuses']);
    expect(reads[0]!.query.getAll('id[]').sort()).toEqual([due.remoteId, soon.remoteId, monthly.remoteId].sort());

    const snapshots = await testApp.db
      .select()
      .from(postMetricSnapshots)
      .where(inArray(postMetricSnapshots.measuredPostId, [due.id, soon.id, monthly.id, tooLate.id, other.id]));
    const early = snapshots.find((snapshot) => snapshot.measuredPostId === soon.id)!;
    // An early reading counts for the offset it was taken for, and says when it was really taken.
    expect(early).toMatchObject({ offsetMin: 15, likes: 3 });
    expect(early.takenAt.getTime()).toBeLessThan(early.dueAt!.getTime());
    expect(snapshots.find((snapshot) => snapshot.measuredPostId === monthly.id)).toMatchObject({ offsetMin: 43200 });
    expect(snapshots).toHaveLength(3);
    const [soonRow] = await testApp.db.select().from(measuredPosts).where(eq(measuredPosts.id, soon.id));
    expect(soonRow!.nextOffsetIndex).toBe(1);
    const waiting = await testApp.db
      .select({ id: measuredPosts.id, next: measuredPosts.nextSnapshotAt })
      .from(measuredPosts)
      .where(inArray(measuredPosts.id, [tooLate.id, monthlyLater.id, other.id]));
    // Left alone: still due when they were.
    for (const row of waiting) expect(row.next!.getTime()).toBeLessThan(Date.now() + 7 * MINUTE);
    expect(waiting).toHaveLength(3);
  });

  it('reads each account in one call however its due times interleave with others’ and whatever the claim size', async () => {
    const accounts = [await addAccount(), await addAccount(), await addAccount()];
    const posts = new Map<string, string[]>();
    // Dealt round-robin: by due time, no two neighbours belong to one account.
    for (let index = 0; index < 15; index += 1) {
      const account = accounts[index % 3]!;
      const post = await addPost(account, -(20 - index) * SECOND);
      posts.set(account, [...(posts.get(account) ?? []), post.remoteId]);
    }
    const reads = await readsDuring(() => collectPostMetrics(deps, { claimLimit: 5 }));
    expect(reads).toHaveLength(3);
    const batches = reads.map((request) => request.query.getAll('id[]').sort());
    expect(batches).toEqual(expect.arrayContaining(accounts.map((account) => posts.get(account)!.sort())));
  });

  it('never hands one post to two workers claiming at once', async () => {
    const accounts = [await addAccount(), await addAccount()];
    for (let index = 0; index < 40; index += 1) await addPost(accounts[index % 2]!, -SECOND * (index + 1));
    const [first, second] = await Promise.all([claimDuePosts(testApp.db, 30, 60), claimDuePosts(testApp.db, 30, 60)]);
    const ids = [...first, ...second].map((post) => post.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
  });
});

describe('a server without the batch route', () => {
  it('reads one status a call and counts each call against the read budget', async () => {
    fake.state.version = '4.2.0';
    try {
      const account = await addAccount('4.2.0');
      for (let index = 0; index < 3; index += 1) await addPost(account, -SECOND * (index + 1));
      const reads = await readsDuring(() => collectPostMetrics(deps));
      expect(reads.map((request) => request.path)).toEqual([
        expect.stringMatching(/^\/api\/v1\/statuses\/\d+$/),
        expect.stringMatching(/^\/api\/v1\/statuses\/\d+$/),
        expect.stringMatching(/^\/api\/v1\/statuses\/\d+$/),
      ]);
      const budget = await testApp.db.execute<{ calls: number }>(
        sql`SELECT calls FROM analytics_read_limits WHERE key LIKE ${`%:account:${account}`}`,
      );
      expect(budget.rows.map((row) => Number(row.calls))).toEqual([3]);
    } finally {
      fake.state.version = '4.4.0';
    }
  });
});
