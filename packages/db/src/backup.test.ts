import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { closeDatabase, createDatabase, type Database } from './client.ts';
import { runMigrations } from './migrate.ts';
import { apiKeys } from './schema/api-keys.ts';
import { auditEvents } from './schema/audit.ts';
import { accounts, sessions, users } from './schema/auth.ts';
import { idempotencyKeys, loginAttempts, mailOutbox, userPreferences, workspaceSecrets } from './schema/platform.ts';
import { invitations, members, workspaces } from './schema/workspaces.ts';

type Opened = { database: TestDatabase; db: Database };

const opened: Opened[] = [];
let dir: string;
let source: Opened;
let file: string;

function open(database: TestDatabase): Opened {
  const entry = { database, db: createDatabase(database.url, { poolSize: 2 }) };
  opened.push(entry);
  return entry;
}

/** A new, migrated database with no rows: what `plume restore` expects. */
async function migratedEmpty(): Promise<Opened> {
  const database = await createEmptyDatabase();
  await runMigrations(database.url);
  return open(database);
}

/** Every table in schema public with its rows as JSON text, sorted: two equal snapshots hold equal data. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.execute<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await db.execute<{ row: string }>(
      sql`SELECT row_to_json(t)::text AS row FROM ${sql.identifier(name)} t`,
    );
    result[name] = rows.rows.map((item) => item.row).sort();
  }
  return result;
}

async function seed(db: Database): Promise<void> {
  const now = new Date('2026-03-04T05:06:07.891Z');
  await db.insert(users).values([
    {
      id: 'user-1',
      name: 'Zoë "Admin" O\'Neil',
      email: 'zoe@example.test',
      emailVerified: true,
      isInstanceAdmin: true,
      createdAt: now,
    },
    { id: 'user-2', name: 'Second', email: 'second@example.test', image: null },
  ]);
  await db
    .insert(accounts)
    .values({ id: 'acc-1', accountId: 'user-1', providerId: 'credential', userId: 'user-1', password: 'salt:hash' });
  await db
    .insert(sessions)
    .values({ id: 'sess-1', token: 'session-token', userId: 'user-1', expiresAt: new Date(Date.now() + 86_400_000) });
  await db.insert(workspaces).values({
    id: 'ws-1',
    name: 'Bäckerei',
    slug: 'baeckerei-1a2b3c',
    kind: 'character',
    timezone: 'Europe/Berlin',
    locale: 'de-DE',
  });
  await db.insert(members).values([
    { id: 'mem-1', organizationId: 'ws-1', userId: 'user-1', role: 'owner' },
    { id: 'mem-2', organizationId: 'ws-1', userId: 'user-2', role: 'viewer' },
  ]);
  await db.insert(invitations).values({
    id: 'inv-1',
    organizationId: 'ws-1',
    email: 'third@example.test',
    role: 'editor',
    inviterId: 'user-1',
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(apiKeys).values({
    workspaceId: 'ws-1',
    name: 'CI',
    prefix: 'plume_abcdefgh',
    keyHash: 'f'.repeat(64),
    scopes: ['read', 'write'],
    createdBy: 'user-1',
    expiresAt: now,
  });
  for (let index = 0; index < 5; index += 1) {
    await db.insert(auditEvents).values({
      workspaceId: 'ws-1',
      actorId: 'user-1',
      actorType: 'user',
      actorName: 'Zoë',
      action: `test.event_${index}`,
      subjectType: 'workspace',
      subjectId: 'ws-1',
      data: { index, nested: { list: [1, 'two', null] } },
    });
  }
  // Deleting one leaves a gap, so the restored identity must follow max(id), not the row count.
  await db.execute(sql`DELETE FROM audit_events WHERE action = 'test.event_2'`);
  await db.insert(mailOutbox).values({
    to: 'zoe@example.test',
    subject: 'Line one ✉',
    text: 'Hello,\n\ttabs, "quotes", back\\slash and ünïcödé\n',
    status: 'kept',
  });
  await db
    .insert(workspaceSecrets)
    .values({ workspaceId: 'ws-1', name: 'bluesky.token', ciphertext: 'v1:abc:iv:tag:body' });
  await db.insert(userPreferences).values({ userId: 'user-1', data: { theme: 'dark', weekStartsOn: 0 } });
  await db.insert(loginAttempts).values({ email: 'second@example.test', failures: 2, lastFailureAt: now });
  await db.insert(idempotencyKeys).values({
    principal: 'user:user-1',
    key: 'k-1',
    requestHash: 'h',
    responseStatus: 201,
    responseBody: { id: 'ws-1', list: [] },
  });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-backup-'));
  file = path.join(dir, 'plume.backup.gz');
  source = open(await createTestDatabase());
  await seed(source.db);
});

afterAll(async () => {
  for (const { database, db } of opened) {
    await closeDatabase(db);
    await database.drop();
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every row of every table into a fresh database', async () => {
    const written = await backupDatabase(source.database.url, file);
    expect(written.rows).toBeGreaterThanOrEqual(15);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const { database, db: target } = await migratedEmpty();
    const restored = await restoreDatabase(database.url, file);
    expect(restored.rows).toBe(written.rows);
    expect(restored.tables).toBe(written.tables);

    const before = await snapshot(source.db);
    const after = await snapshot(target);
    const seeded = [
      'users',
      'accounts',
      'sessions',
      'workspaces',
      'members',
      'invitations',
      'api_keys',
      'audit_events',
      'mail_outbox',
      'workspace_secrets',
      'user_preferences',
      'login_attempts',
      'idempotency_keys',
    ];
    for (const table of seeded) expect({ table, count: before[table]?.length ?? 0 }).not.toEqual({ table, count: 0 });
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before))
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(before.audit_events).toHaveLength(4);
    expect(before.api_keys?.[0]).toContain('["read","write"]');

    // Identity columns continue after the restored rows.
    const [maxAudit] = (await target.execute<{ max: number }>(sql`SELECT max(id)::int AS max FROM audit_events`)).rows;
    const [event] = await target
      .insert(auditEvents)
      .values({ workspaceId: 'ws-1', actorType: 'system', action: 'after.restore', subjectType: 'workspace' })
      .returning({ id: auditEvents.id });
    expect(event?.id).toBeGreaterThan(maxAudit?.max ?? Number.POSITIVE_INFINITY);
    const [maxSeq] = (await target.execute<{ max: number }>(sql`SELECT max(seq)::int AS max FROM mail_outbox`)).rows;
    const [mail] = await target
      .insert(mailOutbox)
      .values({ to: 'a@example.test', subject: 's', text: 't' })
      .returning({ seq: mailOutbox.seq });
    expect(mail?.seq).toBeGreaterThan(maxSeq?.max ?? Number.POSITIVE_INFINITY);
  });

  it('refuses to restore into a database that holds data, and changes nothing', async () => {
    const { database, db: target } = await migratedEmpty();
    await target.insert(users).values({ id: 'someone-else', name: 'Already here', email: 'here@example.test' });
    const before = await snapshot(target);

    await expect(restoreDatabase(database.url, file)).rejects.toThrow(/empty database.*"users" has rows/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a missing, non-gzip or foreign file, leaving the database empty', async () => {
    const { database, db: target } = await migratedEmpty();
    const bogus = path.join(dir, 'bogus.gz');
    await fs.writeFile(bogus, gzipSync('{"format":"something-else","version":1}\n{"table":"users"}\n'));
    await expect(restoreDatabase(database.url, bogus)).rejects.toThrow(/not a Plume backup/);
    const plain = path.join(dir, 'plain.txt');
    await fs.writeFile(plain, 'not gzip\n');
    await expect(restoreDatabase(database.url, plain)).rejects.toThrow(
      `The backup file ${plain} cannot be read: it is not a compressed Plume backup at all.`,
    );
    await expect(restoreDatabase(database.url, path.join(dir, 'missing.gz'))).rejects.toThrow(/ENOENT/);
    const rows = await snapshot(target);
    for (const table of Object.keys(rows)) expect({ table, rows: rows[table] }).toEqual({ table, rows: [] });
  });

  it('says a damaged backup is cut short, corrupted or holds a bad line, and restores nothing', async () => {
    const { database, db: target } = await migratedEmpty();
    const whole = await fs.readFile(file);
    const cut = path.join(dir, 'cut.gz');
    await fs.writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(restoreDatabase(database.url, cut)).rejects.toThrow(
      `The backup file ${cut} is cut short: it ends in the middle`,
    );
    const flipped = path.join(dir, 'flipped.gz');
    const damaged = Buffer.from(whole);
    for (let index = 20; index < damaged.length - 20; index += 7) damaged[index] = (damaged[index] ?? 0) ^ 0xff;
    await fs.writeFile(flipped, damaged);
    await expect(restoreDatabase(database.url, flipped)).rejects.toThrow(
      /^The backup file .*flipped\.gz (cannot be read: its compressed data is damaged|is damaged: line \d+)/,
    );
    const badLine = path.join(dir, 'bad-line.gz');
    const text = gunzipSync(whole).toString('utf8').split('\n');
    text[2] = `${text[2]?.slice(0, 40) ?? ''}`;
    await fs.writeFile(badLine, gzipSync(text.join('\n')));
    await expect(restoreDatabase(database.url, badLine)).rejects.toThrow(
      `The backup file ${badLine} is damaged: line 3 is not valid data (`,
    );
    const rows = await snapshot(target);
    for (const table of Object.keys(rows)) expect({ table, rows: rows[table] }).toEqual({ table, rows: [] });
  });

  it('rolls the whole restore back when the check before commit refuses', async () => {
    const { database, db: target } = await migratedEmpty();
    let seenUsers = -1;
    const refuse = async (client: { query: (text: string) => Promise<{ rows: Array<{ count: number }> }> }) => {
      seenUsers = (await client.query('SELECT count(*)::int AS count FROM users')).rows[0]?.count ?? -1;
      throw new Error('refused');
    };
    await expect(restoreDatabase(database.url, file, { beforeCommit: refuse })).rejects.toThrow('refused');
    expect(seenUsers).toBe(2);
    expect(await target.$count(users)).toBe(0);
  });

  it('leaves no file behind when the backup cannot be written', async () => {
    const blocker = path.join(dir, 'a-file');
    await fs.writeFile(blocker, '');
    await expect(backupDatabase(source.database.url, path.join(blocker, 'plume.backup'))).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(await fs.readdir(dir)).not.toContain('plume.backup.gz.partial');
  });
});
