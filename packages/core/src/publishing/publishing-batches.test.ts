import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { postEvents, posts, postTargets, publishAttempts } from '@plume/db/schema/publishing';
import { networkThrottles, socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { claimDueTargets } from './claim-batch.ts';
import { createMicroBatch } from './micro-batch.ts';
import { createPublishingBatches } from './publishing-batches.ts';

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

/** A workspace with one Mastodon account and a scheduled post per entry (one target each unless `targets`). */
async function seed(entries: { dueInMs?: number; targets?: number }[]) {
  const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Batches', slug: workspaceId });
  // Two accounts: a post may have a target on each.
  const accounts = await db
    .insert(socialAccounts)
    .values(
      [0, 1].map((index) => ({
        workspaceId,
        network: 'mastodon' as const,
        externalId: randomUUID(),
        handle: `batch${index}`,
        displayName: 'Batch',
        kind: 'profile',
        metadata: { instanceUrl: 'https://a.example' },
        tokensCiphertext: 'unused',
      })),
    )
    .returning({ id: socialAccounts.id });
  const account = accounts[0];
  if (account === undefined) throw new Error('no account');
  const seeded: { postId: string; targetIds: string[] }[] = [];
  for (const entry of entries) {
    const [post] = await db
      .insert(posts)
      .values({
        workspaceId,
        state: 'scheduled',
        content: { text: 'Batch', mediaIds: [], thread: [], hashtags: [] },
        scheduledAt: new Date(Date.now() + (entry.dueInMs ?? 0)),
      })
      .returning({ id: posts.id });
    if (post === undefined) throw new Error('no post');
    const targets = await db
      .insert(postTargets)
      .values(
        Array.from({ length: entry.targets ?? 1 }, (_, index) => ({
          postId: post.id,
          workspaceId,
          accountId: accounts[index]?.id ?? account.id,
          network: 'mastodon' as const,
        })),
      )
      .returning({ id: postTargets.id });
    seeded.push({ postId: post.id, targetIds: targets.map((target) => target.id) });
  }
  return { accountId: account.id, seeded };
}

const states = async (ids: string[]) =>
  new Map(
    (
      await db
        .select({ id: postTargets.id, state: postTargets.state })
        .from(postTargets)
        .where(inArray(postTargets.id, ids))
    ).map((row) => [row.id, row.state]),
  );

/** The database with `execute` and `select` counted (the batches run every statement through them). */
function counting(): { db: Database; statements: () => number } {
  let count = 0;
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'execute')
        return (...args: Parameters<Database['execute']>) => {
          count += 1;
          return target.execute(...args);
        };
      if (property === 'select')
        return (...args: Parameters<Database['select']>) => {
          count += 1;
          return target.select(...args);
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { db: proxy, statements: () => count };
}

describe('micro batches', () => {
  it('runs what arrives together as one batch, and what arrives during it as the next', async () => {
    const runs: number[][] = [];
    const batch = createMicroBatch<number, number>(async (items) => {
      runs.push([...items]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((item) => item * 2);
    }, 3);
    const first = [1, 2, 3, 4].map((item) => batch.add(item));
    await new Promise((resolve) => setImmediate(resolve));
    const late = batch.add(5);
    expect(await Promise.all([...first, late])).toEqual([2, 4, 6, 8, 10]);
    expect(runs).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('with parallel batches, starts the next one while the first runs, never more than allowed', async () => {
    const runs: number[][] = [];
    let running = 0;
    let most = 0;
    const batch = createMicroBatch<number, number>(
      async (items) => {
        runs.push([...items]);
        most = Math.max(most, (running += 1));
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
        return items.map((item) => item + 1);
      },
      10,
      2,
    );
    const first = batch.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = batch.add(2);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [3, 4, 5].map((item) => batch.add(item));
    expect(await Promise.all([first, second, ...rest])).toEqual([2, 3, 4, 5, 6]);
    // 2 did not wait for the batch of 1; 3–5 waited for one of them and went together.
    expect(runs).toEqual([[1], [2], [3, 4, 5]]);
    expect(most).toBe(2);
  });
});

describe('batched claims', () => {
  it('claims the due targets of many posts in one statement and leaves the others to the one-target path', async () => {
    const { seeded } = await seed([{}, {}, { targets: 2 }, { dueInMs: 60_000 }]);
    const ids = seeded.flatMap((post) => post.targetIds);
    const claims = await claimDueTargets(db, 'runner-a', ids);
    expect(claims.map((claim) => claim !== null)).toEqual([true, true, true, true, false]);
    expect([...(await states(ids)).values()].filter((state) => state === 'publishing')).toHaveLength(4);
    const attempts = await db.select().from(publishAttempts).where(inArray(publishAttempts.targetId, ids));
    expect(attempts.map((attempt) => [attempt.runnerId, attempt.attemptNo, attempt.callStartedAt])).toEqual(
      Array.from({ length: 4 }, () => ['runner-a', 1, null]),
    );
    // Each started post moved to publishing once, with one history event.
    const postIds = seeded.map((post) => post.postId);
    const postRows = await db
      .select({ id: posts.id, state: posts.state })
      .from(posts)
      .where(inArray(posts.id, postIds));
    expect(new Map(postRows.map((row) => [row.id, row.state]))).toEqual(
      new Map(postIds.map((id, index) => [id, index < 3 ? 'publishing' : 'scheduled'])),
    );
    const events = await db.select().from(postEvents).where(inArray(postEvents.postId, postIds));
    expect(events.map((event) => event.toState)).toEqual(['publishing', 'publishing', 'publishing']);
    // Claimed ones are not claimed again.
    expect(await claimDueTargets(db, 'runner-b', ids)).toEqual([null, null, null, null, null]);
  });

  it('skips a target another transaction holds, an account rate limited and a throttled network', async () => {
    const { accountId, seeded } = await seed([{}]);
    const [held] = seeded[0]?.targetIds ?? [];
    if (held === undefined) throw new Error('no target');
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1 FROM post_targets WHERE id = ${held} FOR UPDATE`);
      expect(await claimDueTargets(db, 'runner-a', [held])).toEqual([null]);
    });
    await db
      .update(socialAccounts)
      .set({ rateLimitedUntil: new Date(Date.now() + 60_000) })
      .where(eq(socialAccounts.id, accountId));
    expect(await claimDueTargets(db, 'runner-a', [held])).toEqual([null]);
    await db.update(socialAccounts).set({ rateLimitedUntil: null }).where(eq(socialAccounts.id, accountId));
    await db
      .insert(networkThrottles)
      .values({ network: 'mastodon', limitKey: 'b.example -', until: new Date(Date.now() + 60_000) });
    expect(await claimDueTargets(db, 'runner-a', [held])).toEqual([null]);
    await db.delete(networkThrottles);
    expect((await states([held])).get(held)).toBe('pending');
    expect((await claimDueTargets(db, 'runner-a', [held]))[0]?.target.id).toBe(held);
  });

  it('gives each target to one runner when two claim the same targets at once', async () => {
    const { seeded } = await seed(Array.from({ length: 30 }, () => ({})));
    const ids = seeded.flatMap((post) => post.targetIds);
    const [a, b] = await Promise.all([
      claimDueTargets(db, 'runner-a', ids),
      claimDueTargets(db, 'runner-b', [...ids].reverse()),
    ]);
    const claimedByA = new Set(a?.filter((claim) => claim !== null).map((claim) => claim.target.id));
    const claimedByB = (b ?? []).filter((claim) => claim !== null).map((claim) => claim.target.id);
    expect(claimedByB.filter((id) => claimedByA.has(id))).toEqual([]);
    const attempts = await db.select().from(publishAttempts).where(inArray(publishAttempts.targetId, ids));
    expect(attempts).toHaveLength(claimedByA.size + claimedByB.length);
  });
});

describe("a worker's batches", () => {
  it('claims, starts and records many targets with one statement per step, and summarizes their posts', async () => {
    const { seeded } = await seed([{}, {}, { targets: 2 }]);
    const ids = seeded.flatMap((post) => post.targetIds);
    const counted = counting();
    const batches = createPublishingBatches(counted.db, 'runner-a');
    const claims = await Promise.all(ids.map((id) => batches.claim(id)));
    expect(counted.statements()).toBe(1);
    const started = await Promise.all(claims.map((claim) => batches.markCallStarted(claim?.attemptId ?? '')));
    expect(started).toEqual([true, true, true, true]);
    expect(counted.statements()).toBe(2);
    const read = await Promise.all(claims.map((claim) => batches.readAccount(claim?.target.accountId ?? '')));
    expect(read.map((account) => account?.id)).toEqual(claims.map((claim) => claim?.target.accountId));
    expect(counted.statements()).toBe(3);
    // The last target of the two-target post is not published yet: that post stays publishing.
    const recorded = await Promise.all(
      claims.slice(0, 3).map((claim, index) =>
        batches.recordPublished({
          targetId: claim?.target.id ?? '',
          attemptId: claim?.attemptId ?? '',
          result: { remoteId: `remote-${index}`, url: `https://a.example/@batch/${index}`, extra: [] },
          durationMs: 20,
        }),
      ),
    );
    expect(recorded).toEqual([true, true, true]);
    const after = await states(ids);
    expect(ids.map((id) => after.get(id))).toEqual(['published', 'published', 'published', 'publishing']);
    const postRows = await db
      .select({ id: posts.id, state: posts.state, version: posts.version })
      .from(posts)
      .where(
        inArray(
          posts.id,
          seeded.map((post) => post.postId),
        ),
      );
    expect(new Map(postRows.map((row) => [row.id, [row.state, row.version]]))).toEqual(
      new Map([
        [seeded[0]?.postId, ['published', 2]],
        [seeded[1]?.postId, ['published', 2]],
        [seeded[2]?.postId, ['publishing', 1]],
      ]),
    );
    const events = await db
      .select({ type: postEvents.type, toState: postEvents.toState, detail: postEvents.detail })
      .from(postEvents)
      .where(eq(postEvents.postId, seeded[0]?.postId ?? ''))
      .orderBy(postEvents.id);
    expect(events).toEqual([
      { type: 'state_changed', toState: 'publishing', detail: {} },
      {
        type: 'target_published',
        toState: 'published',
        detail: { network: 'mastodon', url: 'https://a.example/@batch/0' },
      },
      { type: 'state_changed', toState: 'published', detail: {} },
    ]);
    const attempts = await db
      .select()
      .from(publishAttempts)
      .where(inArray(publishAttempts.targetId, ids.slice(0, 3)));
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['published', 'published', 'published']);
  });

  it('schedules the snapshots of the measurable targets it records as published, in the same transaction', async () => {
    const { seeded } = await seed([{}, {}]);
    const ids = seeded.flatMap((post) => post.targetIds);
    const batches = createPublishingBatches(db, 'runner-m');
    const claims = await Promise.all(ids.map((id) => batches.claim(id)));
    await Promise.all(claims.map((claim) => batches.markCallStarted(claim?.attemptId ?? '')));
    const features = {
      text: 'Fresh beans #coffee',
      charCount: 19,
      hashtagCount: 1,
      hasMedia: false,
      hasLink: false,
      isThread: false,
    };
    await Promise.all(
      claims.map((claim, index) =>
        batches.recordPublished({
          targetId: claim?.target.id ?? '',
          attemptId: claim?.attemptId ?? '',
          result: { remoteId: `measured-${index}-${randomUUID()}`, url: null, extra: [] },
          durationMs: 20,
          // Only the first target's network measures posts.
          ...(index === 0 ? { measure: features } : {}),
        }),
      ),
    );
    const rows = await db.execute<{
      target_id: string;
      source: string;
      text: string;
      hashtag_count: number;
      hashtags: string[];
      lag_min: number;
    }>(sql`
      SELECT m.target_id, m.source, m.text, m.hashtag_count, m.hashtags,
        EXTRACT(EPOCH FROM m.next_snapshot_at - t.published_at) / 60 AS lag_min
      FROM measured_posts m JOIN post_targets t ON t.id = m.target_id
      WHERE m.target_id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    expect(rows.rows.map((row) => ({ ...row, lag_min: Number(row.lag_min) }))).toEqual([
      {
        target_id: ids[0],
        source: 'plume',
        text: 'Fresh beans #coffee',
        hashtag_count: 1,
        hashtags: ['coffee'],
        lag_min: 15,
      },
    ]);
  });

  it('never marks as started an attempt a sweep already gave back', async () => {
    const { seeded } = await seed([{}]);
    const [claim] = await claimDueTargets(db, 'runner-a', seeded[0]?.targetIds ?? []);
    if (claim === undefined || claim === null) throw new Error('not claimed');
    await db.update(publishAttempts).set({ outcome: 'not_sent' }).where(eq(publishAttempts.id, claim.attemptId));
    const batches = createPublishingBatches(db, 'runner-a');
    expect(await batches.markCallStarted(claim.attemptId)).toBe(false);
  });
});
