import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { backupDatabase } from '@plume/db/backup';
import type { TestDatabase } from '@plume/testing/test-database';
import { count, createScratch, query, runPlume as plume } from '../test-support/plume-child.ts';

const scratch = createScratch();
const { tempDir, database } = scratch;
afterAll(scratch.cleanup);

describe('plume usage', () => {
  it('rejects an unknown command with exit code 64 and the usage on stderr', async () => {
    const result = await plume(['frobnicate'], {});
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('plume <command>');
    expect(result.stderr).toContain('secret rotate');
    expect(result.stdout).toBe('');
  });

  it('rejects `secret` without a known subcommand the same way', async () => {
    const result = await plume(['secret', 'shred'], {});
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('plume <command>');
  });

  it('prints the usage and succeeds when no command is given', async () => {
    const result = await plume([], {});
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('plume <command>');
  });
});

describe('a data directory Plume cannot use', () => {
  it('fails at once with what to do (under /proc it used to hang)', async () => {
    const result = await plume(['migrate'], { PLUME_DATA_DIR: '/proc/plume-data' });
    expect(result.stderr).toMatch(
      /^plume: The folder \/proc\/plume-data cannot be created there\. Set PLUME_DATA_DIR to a folder Plume can write to\.$/m,
    );
    expect(result.status).toBe(1);
  });
});

describe('plume migrate', () => {
  it('migrates an empty database, then finds nothing left to apply', async () => {
    const { url } = await database('empty');
    const env = { DATABASE_URL: url, PLUME_DATA_DIR: await tempDir('migrate') };
    const first = await plume(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const match = /^Migrations: (\d+) applied, (\d+) in total\.$/m.exec(first.stdout);
    expect(match).not.toBeNull();
    const applied = Number(match?.[1]);
    expect(applied).toBeGreaterThan(0);
    expect(Number(match?.[2])).toBe(applied);
    expect(
      await count(
        url,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'",
      ),
    ).toBe(1);
    expect(
      await count(url, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'graphile_worker'"),
    ).toBe(1);

    const second = await plume(['migrate'], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`Migrations: 0 applied, ${applied} in total.`);
  });
});

describe('plume backup and restore', () => {
  let source: TestDatabase;
  let env: Record<string, string>;
  let file: string;

  beforeAll(async () => {
    source = await database('migrated');
    env = { DATABASE_URL: source.url, PLUME_DATA_DIR: await tempDir('backup') };
    file = path.join(await tempDir('backup-file'), 'plume.backup');
    await query(
      source.url,
      `INSERT INTO users (id, name, email, email_verified) VALUES ('user-1', 'Zoë O''Neil', 'zoe@example.test', true)`,
    );
    await query(
      source.url,
      `INSERT INTO workspaces (id, name, slug, kind, timezone, locale) VALUES ('ws-1', 'Bäckerei', 'baeckerei', 'character', 'Europe/Berlin', 'de-DE')`,
    );
    await query(
      source.url,
      `INSERT INTO members (id, workspace_id, user_id, role) VALUES ('mem-1', 'ws-1', 'user-1', 'owner')`,
    );
    await query(
      source.url,
      `INSERT INTO mail_outbox ("to", subject, text, status) VALUES ('zoe@example.test', 'Queued', 'not sent yet', 'queued'), ('zoe@example.test', 'Done', 'already sent', 'sent')`,
    );
  });

  it('writes a backup file readable only by its owner', async () => {
    const result = await plume(['backup', file], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Backup written to ${file}: \\d+ tables, 5 rows\\.$`, 'm'));
    expect(result.stdout).toContain('secret.key');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('restores into a fresh empty database and queues the unsent mail again', async () => {
    const target = await database('empty');
    const result = await plume(['restore', file], { ...env, DATABASE_URL: target.url });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Restored 5 rows into \d+ tables; 1 unsent mails queued again\.$/m);

    expect(await query(target.url, 'SELECT id, name, email, email_verified FROM users')).toEqual([
      { id: 'user-1', name: "Zoë O'Neil", email: 'zoe@example.test', email_verified: true },
    ]);
    expect(await query(target.url, 'SELECT id, name, slug, kind, timezone, locale FROM workspaces')).toEqual([
      {
        id: 'ws-1',
        name: 'Bäckerei',
        slug: 'baeckerei',
        kind: 'character',
        timezone: 'Europe/Berlin',
        locale: 'de-DE',
      },
    ]);
    expect(await query(target.url, 'SELECT workspace_id, user_id, role FROM members')).toEqual([
      { workspace_id: 'ws-1', user_id: 'user-1', role: 'owner' },
    ]);
    expect(await query(target.url, 'SELECT subject, status FROM mail_outbox ORDER BY seq')).toEqual([
      { subject: 'Queued', status: 'queued' },
      { subject: 'Done', status: 'sent' },
    ]);
    expect(
      await count(target.url, "SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'send_mail'"),
    ).toBe(1);
    const [job] = await query<{ key: string }>(
      target.url,
      "SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'send_mail'",
    );
    const [queued] = await query<{ id: string }>(
      target.url,
      "SELECT id::text FROM mail_outbox WHERE status = 'queued'",
    );
    expect(job?.key).toBe(`send_mail:${queued?.id ?? ''}`);
  });

  it('refuses to restore into a database that already has data, and changes nothing', async () => {
    const result = await plume(['restore', file], env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Restore needs an empty database, but table "[a-z_]+" has rows/);
    expect(result.stdout).toBe('');
    expect(await count(source.url, 'SELECT count(*) FROM users')).toBe(1);
    expect(await count(source.url, 'SELECT count(*) FROM mail_outbox')).toBe(2);
  });

  it('restores with --force a backup whose secrets need a key this instance lacks, and says what cannot be read', async () => {
    const withSecret = await database('migrated');
    const foreign = createKeyring(parseKey(generateKey()));
    await query(withSecret.url, `INSERT INTO workspaces (id, name, slug) VALUES ('ws-k', 'Keyed', 'keyed')`);
    await query(
      withSecret.url,
      `INSERT INTO workspace_secrets (workspace_id, name, ciphertext) VALUES ('ws-k', 'token', $1)`,
      [foreign.encrypt('lost')],
    );
    const secretFile = path.join(await tempDir('secret-backup'), 'plume.backup');
    await backupDatabase(withSecret.url, secretFile);
    const target = await database('empty');
    const forced = await plume(['restore', '--force', secretFile], {
      DATABASE_URL: target.url,
      PLUME_DATA_DIR: await tempDir('no-key'),
    });
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain(
      `Restored with --force: 1 stored secret (connected accounts, model provider keys…) cannot be read without secret key ${foreign.currentKeyId}.`,
    );
    expect(await count(target.url, 'SELECT count(*) FROM workspace_secrets')).toBe(1);
  });

  it('explains a missing file and a missing argument', async () => {
    const target = await database('empty');
    const missing = await plume(['restore', path.join(await tempDir('missing'), 'no-such.backup')], {
      ...env,
      DATABASE_URL: target.url,
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /^plume: .*no-such\.backup does not exist\. Give the path of a file `plume backup` wrote\.$/m,
    );
    const bare = await plume(['backup'], env);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('Usage: plume backup <file>');
  });
});
