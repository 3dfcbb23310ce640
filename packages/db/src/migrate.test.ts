import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '@plume/testing/test-database';
import { migrationsFolder, runMigrations } from './migrate.ts';

const created: TestDatabase[] = [];

afterAll(async () => {
  for (const database of created) await database.drop();
});

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  created.push(database);
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function checkedInMigrations(): Promise<number> {
  const journal = JSON.parse(await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

const publicTables =
  "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1";

describe('runMigrations', () => {
  it('migrates a fresh database, then finds nothing to do', async () => {
    const database = await emptyDatabase();
    const expected = await checkedInMigrations();
    expect(expected).toBeGreaterThanOrEqual(1);

    const first = await runMigrations(database.url);
    expect(first).toEqual({ applied: expected, total: expected });
    const tables = (await query<{ name: string }>(database.url, publicTables)).map((row) => row.name);
    for (const table of [
      'users',
      'workspaces',
      'members',
      'api_keys',
      'audit_events',
      'mail_outbox',
      'workspace_secrets',
    ])
      expect(tables).toContain(table);
    const worker = await query<{ present: boolean }>(
      database.url,
      "SELECT to_regnamespace('graphile_worker') IS NOT NULL AS present",
    );
    expect(worker[0]?.present).toBe(true);

    const second = await runMigrations(database.url);
    expect(second).toEqual({ applied: 0, total: expected });
    expect((await query<{ name: string }>(database.url, publicTables)).map((row) => row.name)).toEqual(tables);
  });

  it('applies each migration once when several processes start together', async () => {
    const database = await emptyDatabase();
    const expected = await checkedInMigrations();

    const results = await Promise.all(Array.from({ length: 4 }, () => runMigrations(database.url)));
    for (const result of results) expect(result.total).toBe(expected);
    // One run did the work; the others waited on the lock and found everything applied.
    expect(results.map((result) => result.applied).sort()).toEqual([0, 0, 0, expected]);

    const recorded = await query<{ hash: string; count: number }>(
      database.url,
      'SELECT hash, count(*)::int AS count FROM drizzle.__drizzle_migrations GROUP BY hash',
    );
    expect(recorded).toHaveLength(expected);
    for (const row of recorded) expect(row.count).toBe(1);
    const users = await query<{ count: number }>(
      database.url,
      "SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'",
    );
    expect(users[0]?.count).toBe(1);
    const locks = await query<{ count: number }>(
      database.url,
      "SELECT count(*)::int AS count FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    expect(locks[0]?.count).toBe(0);
  });
});
