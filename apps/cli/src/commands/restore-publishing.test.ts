/**
 * A restored copy, as an operator gets it: `plume restore` brings the data back with publishing paused
 * (the original may still be running), `plume publishing status` says so, `plume publishing resume`
 * puts back the publishing jobs the backup could not hold, and a worker then publishes a post due
 * 30 s after the restore on time, not minutes late through the overdue sweep.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '@plume/config/load-config';
import { enqueuePublishJobs } from '@plume/core/publishing/publish-queue';
import { createPublishingServices } from '@plume/core/publishing/publishing-services';
import { allProviders } from '@plume/networks/registry';
import { startWorker, type WorkerHandle } from '@plume/worker/run-worker';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { encryptTokens } from '@plume/core/social/account-store';
import { backupDatabase } from '@plume/db/backup';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { count, createScratch, query, runPlume } from '../test-support/plume-child.ts';

const scratch = createScratch();
const secretKey = generateKey();
const text = `Due half a minute after the backup ${randomUUID()}`;
let fake: MastodonFake;
let worker: WorkerHandle | undefined;
let workerDb: Database | undefined;

beforeAll(async () => {
  fake = await startMastodonFake();
});

afterAll(async () => {
  await worker?.stop();
  if (workerDb) await closeDatabase(workerDb);
  await fake.close();
  await scratch.cleanup();
});

/** The original instance: one Mastodon account on the fake and one post scheduled at `due`, its job queued. */
async function seedOriginal(url: string, due: Date): Promise<void> {
  const db = createDatabase(url, { poolSize: 1 });
  try {
    const userId = randomUUID();
    await db
      .insert(users)
      .values({ id: userId, name: 'Rita Restorer', email: `restore-${userId}@example.test`, emailVerified: true });
    const [workspace] = await db
      .insert(workspaces)
      .values({ id: randomUUID(), name: 'Restored', slug: `restored-${userId}` })
      .returning();
    const workspaceId = workspace?.id ?? '';
    const tokensCiphertext = encryptTokens(createKeyring(parseKey(secretKey)), { accessToken: fake.issueToken() });
    const [account] = await db
      .insert(socialAccounts)
      .values({
        workspaceId,
        network: 'mastodon',
        externalId: 'restored-1',
        handle: 'restored',
        displayName: 'Restored',
        kind: 'profile',
        metadata: { instanceUrl: fake.instanceUrl },
        tokensCiphertext,
      })
      .returning();
    const [post] = await db
      .insert(posts)
      .values({
        workspaceId,
        state: 'scheduled',
        content: { text, mediaIds: [], thread: [], hashtags: [] },
        scheduledAt: due,
      })
      .returning();
    const [target] = await db
      .insert(postTargets)
      .values({ postId: post?.id ?? '', workspaceId, accountId: account?.id ?? '', network: 'mastodon' })
      .returning();
    await enqueuePublishJobs(db, [{ targetId: target?.id ?? '', runAt: due }]);
  } finally {
    await closeDatabase(db);
  }
}

async function waitForRequest(timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const received = fake.server.requests.find(
      (request) => request.path === '/api/v1/statuses' && JSON.stringify(request.body ?? null).includes(text),
    );
    if (received) return received.receivedAt;
    if (Date.now() > deadline) throw new Error(`the post did not reach the network within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The engine of `plume worker`, in this process: a third process start would eat most of the 30 s on a busy machine. */
async function startEngine(env: Record<string, string>): Promise<void> {
  const config = parseConfig({ ...env, LOG_LEVEL: 'silent' });
  workerDb = createDatabase(env['DATABASE_URL'] ?? '', { poolSize: 4 });
  const keyring = createKeyring(parseKey(secretKey));
  const publishing = createPublishingServices({ config, providers: allProviders });
  worker = await startWorker({
    config,
    db: workerDb,
    databaseUrl: env['DATABASE_URL'] ?? '',
    logger: pino({ level: 'silent' }),
    keyring,
    publishing,
  });
}

it(
  'restores paused, resumes from the command line, and publishes a post due 30 s after the restore on time',
  { timeout: 180_000 },
  async () => {
    const original = await scratch.database('migrated');
    await seedOriginal(original.url, new Date(Date.now() + 3_600_000));
    const file = path.join(await scratch.tempDir('backup'), 'plume.backup');
    await backupDatabase(original.url, file);

    const copy = await scratch.database('empty');
    const env = {
      DATABASE_URL: copy.url,
      PLUME_DATA_DIR: await scratch.tempDir('copy'),
      PLUME_SECRET_KEY: secretKey,
      HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    };
    const restored = await runPlume(['restore', file], env);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('Publishing is paused on this restored instance');
    // The backup holds Plume's tables, not graphile-worker's queue.
    expect(
      await count(copy.url, "SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'publish_target'"),
    ).toBe(0);
    const status = await runPlume(['publishing', 'status'], env);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(
      /^Publishing is paused since \S+ \(by plume restore\): This instance was restored from a backup\./m,
    );

    // The post falls due 30 s from now (the backup was taken earlier; its own time does not matter here).
    const due = new Date(Date.now() + 30_000);
    await query(copy.url, 'UPDATE posts SET scheduled_at = $1', [due]);

    const resumed = await runPlume(['publishing', 'resume'], env);
    expect(resumed.stderr).toBe('');
    expect(resumed.stdout).toContain('Publishing resumed; 1 publishing jobs put back for pending posts.');
    expect(Date.now()).toBeLessThan(due.getTime());

    await startEngine(env);
    const receivedAt = await waitForRequest(60_000);
    // On time: the engine starts a due job within a second of its time; allow for a busy machine.
    expect(receivedAt - due.getTime()).toBeGreaterThan(-1_500);
    expect(receivedAt - due.getTime()).toBeLessThan(5_000);
    expect((await runPlume(['publishing', 'status'], env)).stdout).toBe('Publishing is running.\n');
  },
);
