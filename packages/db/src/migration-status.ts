import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { migrationsFolder } from './migrate.ts';

const expectedCount = readMigrationFiles({ migrationsFolder }).length;

/** True when every checked-in migration is recorded as applied in this database. */
export async function areMigrationsCurrent(pool: pg.Pool): Promise<boolean> {
  const result = await pool.query<{ count: string | null }>(
    "SELECT CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NULL THEN NULL ELSE (SELECT count(*)::text FROM drizzle.__drizzle_migrations) END AS count",
  );
  return Number(result.rows[0]?.count ?? 0) >= expectedCount;
}
