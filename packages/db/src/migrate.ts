import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { runMigrations as runWorkerMigrations } from 'graphile-worker';
import pg from 'pg';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

// Arbitrary but fixed: every Plume process that migrates takes this lock first, so replicas starting
// at the same moment apply each migration once and the rest wait, then find nothing to do.
const migrationLockId = 7_215_004_219;

export type MigrationResult = { applied: number; total: number };

/**
 * Applies Plume's checked-in SQL migrations and graphile-worker's own schema. Idempotent and safe to
 * run from several replicas at once (advisory lock on one connection).
 */
export async function runMigrations(databaseUrl: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'plume-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockId]);
    try {
      const before = await countApplied(client);
      await migrate(drizzle(client), { migrationsFolder });
      await runWorkerMigrations({ connectionString: databaseUrl, logger: undefined });
      const after = await countApplied(client);
      return { applied: after - before, total: after };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockId]);
    }
  } finally {
    await client.end();
  }
}

async function countApplied(client: pg.Client): Promise<number> {
  const exists = await client.query<{ present: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present",
  );
  if (!exists.rows[0]?.present) return 0;
  const result = await client.query<{ count: string }>(
    'SELECT count(*)::text AS count FROM drizzle.__drizzle_migrations',
  );
  return Number(result.rows[0]?.count ?? 0);
}
