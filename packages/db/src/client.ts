import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Schema = typeof schema;
/** A connection held out of the pool (e.g. to LISTEN). */
export type PoolClient = pg.PoolClient;
/** The handle `db.transaction(async (tx) => …)` passes: runs queries inside that transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * A pg pool whose clients never crash the process when the server drops a connection (a restart, a
 * shutdown): an idle client is replaced by the pool, a query in flight fails with the error.
 */
export function createPool(url: string, options: { poolSize?: number; applicationName?: string } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'plume',
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => undefined);
  // A checked-out client between two queries has no listener of the pool's: give it one.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** One pool per process role; every query in Plume goes through it. */
export function createDatabase(url: string, options: { poolSize?: number; applicationName?: string } = {}): Database {
  return drizzle(createPool(url, options), { schema, casing: 'snake_case' });
}

export async function closeDatabase(db: Database): Promise<void> {
  await db.$client.end();
}
