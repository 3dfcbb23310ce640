import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Schema = typeof schema;
/** The handle `db.transaction(async (tx) => …)` passes: runs queries inside that transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** One pool per process role; every query in Plume goes through it. */
export function createDatabase(url: string, options: { poolSize?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'plume',
    idleTimeoutMillis: 30_000,
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return drizzle(pool, { schema, casing: 'snake_case' });
}

export async function closeDatabase(db: Database): Promise<void> {
  await db.$client.end();
}
