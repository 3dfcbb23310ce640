import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { areMigrationsCurrent } from '@plume/db/migration-status';

export type Check = { ok: boolean; detail: string };

export const heartbeatFreshSeconds = 30;

/** The three things `/ready` promises: database, schema, and at least one live worker. */
export async function checkReadiness(db: Database): Promise<Record<'database' | 'migrations' | 'worker', Check>> {
  try {
    await db.execute(sql`SELECT 1`);
  } catch (error) {
    const down = { ok: false, detail: 'database unreachable' };
    return {
      database: { ok: false, detail: `database unreachable: ${(error as Error).message}` },
      migrations: down,
      worker: down,
    };
  }
  const migrationsOk = await areMigrationsCurrent(db.$client);
  const result = await db.execute<{ age: number | null }>(
    sql`SELECT extract(epoch FROM now() - max(last_seen_at))::float AS age FROM worker_heartbeats`,
  );
  const age = result.rows[0]?.age ?? null;
  const workerOk = age !== null && age <= heartbeatFreshSeconds;
  return {
    database: { ok: true, detail: 'reachable' },
    migrations: { ok: migrationsOk, detail: migrationsOk ? 'current' : 'pending migrations: run `plume migrate`' },
    worker: {
      ok: workerOk,
      detail:
        age === null ? 'no worker has reported yet: start `plume worker`' : `last heartbeat ${Math.round(age)} s ago`,
    },
  };
}
