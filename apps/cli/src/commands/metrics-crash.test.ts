/**
 * Crash safety of metrics collection: a real `plume worker` process is killed with SIGKILL while it
 * reads due snapshots (slow answers keep reads in flight), then a new one starts. Every post must end
 * with exactly one reading for its due offset: none lost (claims of the dead worker come due again
 * when their lease ends), none doubled (a reading is written once per post and offset).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, parseKey, generateKey } from '@plume/core/secrets/keyring';
import { encryptTokens } from '@plume/core/social/account-store';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { plumeNodeArgs } from '../plume-command.ts';
import { repoRoot } from '../test-support/plume-child.ts';

const ACCOUNTS = 4;
const POSTS_PER_ACCOUNT = 30;
const TOTAL = ACCOUNTS * POSTS_PER_ACCOUNT;
const LEASE_SECONDS = 5;

let database: TestDatabase;
let db: Database;
let fake: MastodonFake;
let dataDir: string;
const secretKey = generateKey();

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
  fake = await startMastodonFake();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-metrics-crash-'));
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
      WORKER_CONCURRENCY: '4',
      WORKER_STALE_SECONDS: '3',
      ANALYTICS_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
      LOG_LEVEL: 'silent',
    },
  });
}

/** Runs the snapshot job now instead of waiting for the minute cron. */
async function runSnapshotsNow(): Promise<void> {
  await db.execute(sql`SELECT graphile_worker.add_job('collect_snapshots', '{}'::json)`);
}

async function snapshotCounts(): Promise<{ readings: number; posts: number; doubled: number }> {
  const result = await db.execute<{ readings: string; posts: string; doubled: string }>(sql`
    SELECT count(*) AS readings, count(DISTINCT measured_post_id) AS posts,
      (SELECT count(*) FROM (SELECT 1 FROM post_metric_snapshots GROUP BY measured_post_id, offset_min HAVING count(*) > 1) d) AS doubled
    FROM post_metric_snapshots`);
  const row = result.rows[0]!;
  return { readings: Number(row.readings), posts: Number(row.posts), doubled: Number(row.doubled) };
}

/** `ACCOUNTS` Mastodon accounts (a server before 4.3: one call per post), each with posts due their 15-minute reading. */
async function seed(): Promise<void> {
  const keyring = createKeyring(parseKey(secretKey));
  const workspaceId = randomUUID();
  await db.insert(workspaces).values({ id: workspaceId, name: 'Metrics crash', slug: `metrics-${workspaceId}` });
  const publishedAt = new Date(Date.now() - 20 * 60_000);
  for (let index = 0; index < ACCOUNTS; index += 1) {
    const [account] = await db
      .insert(socialAccounts)
      .values({
        workspaceId,
        network: 'mastodon',
        externalId: `${fake.state.account.id}-${index}`,
        handle: `metrics${index}`,
        displayName: `Metrics ${index}`,
        kind: 'profile',
        metadata: { instanceUrl: fake.instanceUrl, version: '4.2.0' },
        tokensCiphertext: encryptTokens(keyring, { accessToken: fake.issueToken() }),
      })
      .returning({ id: socialAccounts.id });
    const rows = Array.from({ length: POSTS_PER_ACCOUNT }, (_, number) => {
      const id = fake.state.nextId();
      fake.state.statuses.set(id, {
        id,
        text: `Post ${index}.${number}`,
        mediaIds: [],
        inReplyToId: null,
        visibility: 'public',
        spoilerText: '',
        language: null,
        sensitive: false,
        idempotencyKey: undefined,
        createdAt: publishedAt,
        counts: { favourites: number, reblogs: 1, replies: 0, quotes: 0 },
      });
      return {
        workspaceId,
        accountId: account!.id,
        network: 'mastodon' as const,
        remoteId: id,
        source: 'plume' as const,
        publishedAt,
        nextSnapshotAt: new Date(Date.now() - 60_000),
        nextOffsetIndex: 0,
      };
    });
    await db.insert(measuredPosts).values(rows);
  }
}

describe('a worker killed while collecting snapshots', () => {
  it('loses no snapshot and doubles none', { timeout: 240_000 }, async () => {
    await seed();
    // Slow answers: a batch of 20 posts takes seconds, so the kill lands between written batches.
    fake.server.setDelay(150);
    const first = startWorkerProcess();
    await runSnapshotsNow();
    const deadline = Date.now() + 90_000;
    for (;;) {
      const counts = await snapshotCounts();
      if (counts.readings > 0) break;
      if (Date.now() > deadline) {
        first.kill('SIGKILL');
        throw new Error('timed out waiting for the first readings');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const atKill = await snapshotCounts();
    expect(atKill.readings, 'readings written before the kill').toBeLessThan(TOTAL);
    const claimed = await db.execute<{ count: string }>(
      sql`SELECT count(*) FROM measured_posts WHERE next_offset_index = 0 AND next_snapshot_at > now()`,
    );
    expect(Number(claimed.rows[0]?.count), 'posts claimed by the killed worker, not yet read').toBeGreaterThan(0);

    fake.server.setDelay(0);
    const second = startWorkerProcess();
    try {
      const until = Date.now() + 120_000;
      for (;;) {
        const counts = await snapshotCounts();
        if (counts.posts === TOTAL) break;
        if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify(counts)}`);
        await runSnapshotsNow();
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
    expect(await snapshotCounts()).toEqual({ readings: TOTAL, posts: TOTAL, doubled: 0 });
    const pending = await db.execute<{ count: string }>(
      sql`SELECT count(*) FROM measured_posts WHERE next_offset_index IS DISTINCT FROM 1 OR last_measured_at IS NULL`,
    );
    expect(Number(pending.rows[0]?.count), 'posts not moved on to their next offset').toBe(0);
  });
});
