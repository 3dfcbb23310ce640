import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export type TestDatabase = { url: string; drop: () => Promise<void> };

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function createDatabaseFrom(prefix: string, template: string | null): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
  await withAdmin((client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`));
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

/** A fresh, migrated database for one test file, copied from the template. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabaseFrom('test', inject('pgTemplate'));
}

/** An empty (unmigrated) database, for migration and restore tests. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabaseFrom('empty', null);
}
