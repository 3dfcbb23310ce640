/**
 * Crash safety of publishing: a real `plume worker` process is killed with SIGKILL while it publishes
 * a batch, then a new one starts. Every target must end published, failed or unconfirmed, and no post
 * may reach the network twice. Targets claimed but still waiting for a network slot when the process
 * died never reached the network: they must be published (once), not left unconfirmed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { encryptTokens } from '@plume/core/social/account-store';
import { enqueuePublishJobs } from '@plume/core/publishing/publish-queue';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { users } from '@plume/db/schema/auth';
import { workspaces } from '@plume/db/schema/workspaces';
import { mastodonManifest } from '@plume/networks/mastodon/manifest';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { plumeNodeArgs } from '../plume-command.ts';
import { repoRoot } from '../test-support/plume-child.ts';

const TARGETS = 40;
/** The fake answers every call this late, so calls are in flight when the worker dies. */
const ANSWER_DELAY_MS = 1000;

let database: TestDatabase;
let db: Database;
let fake: MastodonFake;
let dataDir: string;
const secretKey = generateKey();

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
  fake = await startMastodonFake();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-crash-'));
});

afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
  await fake.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, [...plumeNodeArgs, 'worker'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: {
      DATABASE_URL: database.url,
      PLUME_SECRET_KEY: secretKey,
      PLUME_DATA_DIR: dataDir,
      HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      WORKER_CONCURRENCY: '8',
      WORKER_STALE_SECONDS: '3',
      LOG_LEVEL: 'silent',
    },
  });
}

async function targetStates(ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: postTargets.id, state: postTargets.state })
    .from(postTargets)
    .where(inArray(postTargets.id, ids));
  return new Map(rows.map((row) => [row.id, row.state]));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many publish requests carrying this text the fake network received (counted on arrival, before it answers). */
function requestsWith(text: string): number {
  return fake.server.requests.filter(
    (request) => request.path === '/api/v1/statuses' && JSON.stringify(request.body ?? null).includes(text),
  ).length;
}

/**
 * True when each of Mastodon's publish slots holds a call the fake has already received, and none of
 * them is answered within the next 300 ms. A target is marked as calling (`call_started_at`) only
 * once it holds a slot, so then no target sits between its mark and its request reaching the network:
 * a kill now leaves only two kinds of claimed targets, sent (unconfirmed) and never sent (to publish
 * again). At other instants a target can be a few milliseconds past its mark with its request still on
 * the way; nobody can tell that one from a sent one, and it rightly becomes unconfirmed.
 */
function everySlotHoldsAReceivedCall(): boolean {
  const now = Date.now();
  const inFlight = fake.server.requests.filter(
    (request) => request.path === '/api/v1/statuses' && now - request.receivedAt < ANSWER_DELAY_MS,
  );
  return (
    inFlight.length === mastodonManifest.publishConcurrency &&
    inFlight.every((request) => now - request.receivedAt < ANSWER_DELAY_MS - 300)
  );
}

/** One workspace, `TARGETS` Mastodon accounts on the fake, one scheduled post per account, all due now. */
async function seedBatch(dueInMs = 0, count = TARGETS): Promise<{ targetIds: string[]; textOf: Map<string, string> }> {
  const keyring = createKeyring(parseKey(secretKey));
  const userId = randomUUID();
  await db
    .insert(users)
    .values({ id: userId, name: 'Crash Owner', email: `crash-${userId}@example.test`, emailVerified: true });
  const workspaceId = randomUUID();
  await db.insert(workspaces).values({ id: workspaceId, name: 'Crash', slug: `crash-${workspaceId}` });
  const accounts = await db
    .insert(socialAccounts)
    .values(
      Array.from({ length: count }, (_, index) => ({
        workspaceId,
        network: 'mastodon' as const,
        externalId: `acct-${randomUUID()}`,
        handle: `crash${index}`,
        displayName: `Crash ${index}`,
        kind: 'profile',
        metadata: { instanceUrl: fake.instanceUrl },
        tokensCiphertext: encryptTokens(keyring, { accessToken: fake.issueToken() }),
      })),
    )
    .returning({ id: socialAccounts.id });
  const due = new Date(Date.now() + dueInMs);
  const targetIds: string[] = [];
  const textOf = new Map<string, string>();
  for (const [index, account] of accounts.entries()) {
    const text = `Crash test post ${index} ${randomUUID()}`;
    const [post] = await db
      .insert(posts)
      .values({
        workspaceId,
        state: 'scheduled',
        content: { text, mediaIds: [], thread: [], hashtags: [] },
        scheduledAt: due,
      })
      .returning({ id: posts.id });
    if (!post) throw new Error('post insert failed');
    const [target] = await db
      .insert(postTargets)
      .values({ postId: post.id, workspaceId, accountId: account.id, network: 'mastodon' })
      .returning({ id: postTargets.id });
    if (!target) throw new Error('target insert failed');
    targetIds.push(target.id);
    textOf.set(target.id, text);
  }
  await enqueuePublishJobs(
    db,
    targetIds.map((targetId) => ({ targetId, runAt: due })),
  );
  return { targetIds, textOf };
}

describe('a worker killed while publishing', () => {
  it('publishes nothing twice and loses nothing', { timeout: 240_000 }, async () => {
    const { targetIds, textOf } = await seedBatch();
    // Slow answers keep calls in flight when the worker dies.
    fake.server.setDelay(ANSWER_DELAY_MS);
    const first = startWorkerProcess();
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (Date.now() > deadline) {
        first.kill('SIGKILL');
        throw new Error('timed out waiting for the first posts to go out while others are in flight');
      }
      const states = await targetStates(targetIds);
      const published = [...states.values()].filter((state) => state === 'published').length;
      // Claimed but not sent: waiting for a slot.
      const waiting = targetIds.filter(
        (id) => states.get(id) === 'publishing' && requestsWith(textOf.get(id) ?? '') === 0,
      );
      // Killed right after this check, with nothing awaited in between.
      if (published >= 5 && waiting.length > 0 && everySlotHoldsAReceivedCall()) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    // The heartbeat names the queue's workers in that process and their pool (which fetches batches of
    // jobs under its own id), so every job they locked can be released.
    const beats = await db.execute<{ ids: string[] }>(sql`SELECT queue_worker_ids AS ids FROM worker_heartbeats`);
    expect(beats.rows[0]?.ids.length).toBe(8 + 1);
    const atKill = await targetStates(targetIds);
    expect([...atKill.values()].filter((state) => state === 'published').length).toBeLessThan(TARGETS);
    // Claimed when the process died: some mid-call (their outcome is unknown to Plume), others still
    // waiting for one of Mastodon's 4 slots (8 jobs run at once), never sent.
    const claimedAtKill = targetIds.filter((id) => atKill.get(id) === 'publishing');
    const sentAtKill = claimedAtKill.filter((id) => requestsWith(textOf.get(id) ?? '') > 0);
    const unsentAtKill = claimedAtKill.filter((id) => requestsWith(textOf.get(id) ?? '') === 0);
    expect(sentAtKill.length, 'claimed targets sent when the worker died').toBeGreaterThanOrEqual(
      mastodonManifest.publishConcurrency,
    );
    expect(unsentAtKill.length, 'claimed targets never sent when the worker died').toBeGreaterThan(0);

    fake.server.setDelay(20);
    const second = startWorkerProcess();
    try {
      await waitFor(
        async () =>
          [...(await targetStates(targetIds)).values()].every((state) =>
            ['published', 'failed', 'unconfirmed'].includes(state),
          ),
        120_000,
        'every target to settle',
      );
    } catch (error) {
      const stuck = [...(await targetStates(targetIds)).entries()].filter(
        ([, state]) => !['published', 'failed', 'unconfirmed'].includes(state),
      );
      const jobs = await db.execute(
        sql`SELECT key, locked_by, locked_at, attempts, last_error, run_at FROM graphile_worker._private_jobs`,
      );
      const beats = await db.execute(sql`SELECT worker_id, last_seen_at, queue_worker_ids FROM worker_heartbeats`);
      throw new Error(
        `${String(error)}: stuck ${JSON.stringify(stuck)} jobs ${JSON.stringify(jobs.rows)} heartbeats ${JSON.stringify(beats.rows)}`,
      );
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }

    const final = await targetStates(targetIds);
    const unconfirmed = targetIds.filter((id) => final.get(id) === 'unconfirmed');
    const neverSentUnconfirmed = unconfirmed.filter((id) => requestsWith(textOf.get(id) ?? '') === 0);
    // Only a target whose request may have left is unconfirmed: the ones mid-call at the kill.
    expect(unconfirmed.length, 'unconfirmed targets').toBeGreaterThan(0);
    expect(neverSentUnconfirmed, 'unconfirmed targets the network never received').toEqual([]);
    expect(unconfirmed.every((id) => sentAtKill.includes(id))).toBe(true);
    // The ones still waiting for a slot went back to pending and were published once by the new worker.
    for (const id of unsentAtKill) expect(final.get(id), `never-sent target ${id}`).toBe('published');
    const statuses = [...fake.state.statuses.values()];
    for (const targetId of targetIds) {
      const copies = statuses.filter((status) => status.text.includes(textOf.get(targetId) ?? '')).length;
      const requests = requestsWith(textOf.get(targetId) ?? '');
      const state = final.get(targetId);
      expect(requests, `target ${targetId} (${state}) reached the network ${requests} times`).toBeLessThanOrEqual(1);
      expect(copies, `target ${targetId} (${state}) is on the network ${copies} times`).toBeLessThanOrEqual(1);
      if (state === 'published') expect(copies).toBe(1);
      expect(['published', 'unconfirmed'], `target ${targetId}`).toContain(state);
    }
  });

  it('publishes once what a killed worker held for later, through the next worker', { timeout: 240_000 }, async () => {
    // Due later than a worker needs to start, within its dispatcher's look-ahead (30 s).
    const { targetIds, textOf } = await seedBatch(25_000, 12);
    fake.server.setDelay(20);
    const first = startWorkerProcess();
    const heldBy = async () =>
      (
        await db.execute<{ held_by: string | null }>(
          sql`SELECT held_by FROM post_targets WHERE id IN (SELECT json_array_elements_text(${JSON.stringify(targetIds)}::json)::uuid)`,
        )
      ).rows.map((row) => row.held_by);
    try {
      await waitFor(async () => (await heldBy()).every((holder) => holder !== null), 20_000, 'the targets to be held');
    } finally {
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
    }
    // Held, never started: nothing reached the network and nothing is claimed.
    for (const id of targetIds) expect(requestsWith(textOf.get(id) ?? '')).toBe(0);
    expect([...(await targetStates(targetIds)).values()].every((state) => state === 'pending')).toBe(true);

    const second = startWorkerProcess();
    try {
      await waitFor(
        async () => [...(await targetStates(targetIds)).values()].every((state) => state === 'published'),
        90_000,
        'every held target to be published by the next worker',
      );
    } catch (error) {
      const targets = await db.execute(
        sql`SELECT id, state, held_by, held_until FROM post_targets WHERE id IN (SELECT json_array_elements_text(${JSON.stringify(targetIds)}::json)::uuid)`,
      );
      const beats = await db.execute(sql`SELECT worker_id, last_seen_at FROM worker_heartbeats`);
      throw new Error(
        `${String(error)}: targets ${JSON.stringify(targets.rows)} heartbeats ${JSON.stringify(beats.rows)}`,
      );
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
    for (const id of targetIds) expect(requestsWith(textOf.get(id) ?? ''), `target ${id}`).toBe(1);
  });
});
