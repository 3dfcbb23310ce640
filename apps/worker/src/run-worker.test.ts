import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@plume/config/load-config';
import { purgeExpired } from '@plume/core/jobs/purge-expired';
import { enqueueMail } from '@plume/core/mail/enqueue-mail';
import { checkReadiness } from '@plume/core/platform/check-readiness';
import { createPublishingServices } from '@plume/core/publishing/publishing-services';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { allProviders } from '@plume/networks/registry';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { mailOutbox } from '@plume/db/schema/platform';
import { startFakeSmtpServer } from '@plume/testing/fake-smtp-server';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { startWorker, type WorkerHandle } from './run-worker.ts';

const logger = pino({ level: 'silent' });
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

async function waitForStatus(mailId: string, wanted: string[], timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, mailId));
    if (row && wanted.includes(row.status)) return row.status;
    if (Date.now() > deadline) throw new Error(`mail ${mailId} still ${row?.status ?? 'missing'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForJobError(mailId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await db.execute<{ attempts: number; last_error: string | null }>(
      sql`SELECT attempts, last_error FROM graphile_worker._private_jobs WHERE payload->>'mailId' = ${mailId}`,
    );
    const job = jobs.rows[0];
    if (job?.last_error) return job;
    if (Date.now() > deadline) throw new Error(`the mail job for ${mailId} recorded no error`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withWorker<T>(env: Record<string, string>, run: (worker: WorkerHandle) => Promise<T>): Promise<T> {
  const config = parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '2', ...env });
  const keyring = createKeyring(parseKey(generateKey()));
  const publishing = createPublishingServices({ config, providers: allProviders });
  const worker = await startWorker({ config, db, databaseUrl: database.url, logger, keyring, publishing });
  try {
    return await run(worker);
  } finally {
    await worker.stop();
  }
}

describe('worker', () => {
  it('keeps mail in the outbox when no SMTP is configured, and reports a heartbeat', async () => {
    await withWorker({}, async (worker) => {
      const mailId = await enqueueMail(db, { to: 'kept@example.test', subject: 'Hello', text: 'Body' });
      expect(await waitForStatus(mailId, ['kept'])).toBe('kept');
      const beats = await db.execute<{ worker_id: string }>(sql`SELECT worker_id FROM worker_heartbeats`);
      expect(beats.rows.map((row) => row.worker_id)).toContain(worker.workerId);
      const readiness = await checkReadiness(db);
      expect(readiness.worker.ok).toBe(true);
    });
    const after = await db.execute(sql`SELECT 1 FROM worker_heartbeats`);
    expect(after.rowCount).toBe(0);
  });

  it('delivers over SMTP exactly once', async () => {
    const smtp = await startFakeSmtpServer();
    try {
      await withWorker({ SMTP_URL: smtp.url, MAIL_FROM: 'Plume <plume@example.test>' }, async () => {
        const mailId = await enqueueMail(db, {
          to: 'reader@example.test',
          subject: 'Your link',
          text: 'Open https://plume.example/x',
        });
        expect(await waitForStatus(mailId, ['sent'])).toBe('sent');
      });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.to).toEqual(['<reader@example.test>']);
      expect(smtp.received[0]?.data).toContain('Subject: Your link');
    } finally {
      await smtp.close();
    }
  });

  it('marks a refused delivery failed and leaves the job to retry', async () => {
    const smtp = await startFakeSmtpServer({ rejectRecipients: true });
    try {
      await withWorker({ SMTP_URL: smtp.url }, async () => {
        const mailId = await enqueueMail(db, { to: 'nobody@example.test', subject: 'Bounce', text: 'x' });
        expect(await waitForStatus(mailId, ['failed'])).toBe('failed');
        const [row] = await db.select({ error: mailOutbox.error }).from(mailOutbox).where(eq(mailOutbox.id, mailId));
        expect(row?.error).toMatch(/550/);
        // The outbox row is marked before the task throws; graphile-worker records the failure just after.
        const job = await waitForJobError(mailId);
        expect(job.attempts).toBeGreaterThanOrEqual(1);
        expect(job.last_error).toMatch(/550/);
      });
    } finally {
      await smtp.close();
    }
  });

  it('purges expired sessions, verifications and idempotency records, and keeps live ones', async () => {
    await db.execute(sql`INSERT INTO users (id, name, email) VALUES ('purge-user', 'P', 'purge@example.test')`);
    await db.execute(sql`INSERT INTO sessions (id, token, user_id, expires_at) VALUES
      ('s-old', 'tok-old', 'purge-user', now() - interval '1 hour'), ('s-live', 'tok-live', 'purge-user', now() + interval '1 day')`);
    await db.execute(
      sql`INSERT INTO verifications (id, identifier, value, expires_at) VALUES ('v-old', 'x', 'y', now() - interval '1 minute')`,
    );
    await db.execute(
      sql`INSERT INTO idempotency_keys (principal, key, request_hash, created_at) VALUES ('user:x', 'k', 'h', now() - interval '25 hours')`,
    );
    await db.execute(sql`INSERT INTO workspaces (id, name, slug) VALUES ('purge-ws', 'P', 'purge-ws')`);
    await db.execute(sql`INSERT INTO llm_cache (key, workspace_id, answer, expires_at) VALUES
      ('c-old', 'purge-ws', '{}', now() - interval '1 second'), ('c-live', 'purge-ws', '{}', now() + interval '1 hour')`);
    const purged = await purgeExpired(db);
    expect(purged).toMatchObject({ sessions: 1, verifications: 1, idempotencyKeys: 1, llmCache: 1 });
    const cached = await db.execute<{ key: string }>(sql`SELECT key FROM llm_cache`);
    expect(cached.rows.map((row) => row.key)).toEqual(['c-live']);
    const left = await db.execute<{ id: string }>(sql`SELECT id FROM sessions WHERE user_id = 'purge-user'`);
    expect(left.rows.map((row) => row.id)).toEqual(['s-live']);
  });

  it('puts back the publishing job of a pending post that has none when it starts (as after a restore)', async () => {
    await db.execute(sql`INSERT INTO workspaces (id, name, slug) VALUES ('rebuild-ws', 'R', 'rebuild-ws')`);
    const at = new Date(Date.now() + 3_600_000);
    const seeded = await db.execute<{ target_id: string }>(sql`
      WITH account AS (
        INSERT INTO social_accounts (workspace_id, network, external_id, handle, display_name, kind, tokens_ciphertext)
        VALUES ('rebuild-ws', 'mastodon', 'rebuild-1', 'rebuild', 'Rebuild', 'profile', 'unused') RETURNING id
      ), post AS (
        INSERT INTO posts (workspace_id, state, content, scheduled_at)
        VALUES ('rebuild-ws', 'scheduled', '{"text":"Lost job","mediaIds":[],"thread":[],"hashtags":[]}', ${at}) RETURNING id
      )
      INSERT INTO post_targets (post_id, workspace_id, account_id, network)
      SELECT post.id, 'rebuild-ws', account.id, 'mastodon' FROM post, account RETURNING id AS target_id`);
    const key = `publish:${seeded.rows[0]?.target_id ?? ''}`;
    const jobs = () => db.execute<{ run_at: Date }>(sql`SELECT run_at FROM graphile_worker.jobs WHERE key = ${key}`);
    expect((await jobs()).rows).toEqual([]);
    await withWorker({}, async () => {
      expect((await jobs()).rows.map((row) => new Date(row.run_at).getTime())).toEqual([at.getTime()]);
    });
    // A second start finds the job and adds none.
    await withWorker({}, async () => expect((await jobs()).rows).toHaveLength(1));
  });
});
