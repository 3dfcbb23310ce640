import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { defineJob } from './define-job.ts';

/** Removes expired sessions, verification tokens, idempotency records, stale lockouts, dead worker rows and expired model answers. */
export async function purgeExpired(db: Database): Promise<Record<string, number>> {
  const run = async (query: ReturnType<typeof sql>) => (await db.execute(query)).rowCount ?? 0;
  return {
    sessions: await run(sql`DELETE FROM sessions WHERE expires_at < now()`),
    verifications: await run(sql`DELETE FROM verifications WHERE expires_at < now()`),
    idempotencyKeys: await run(sql`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`),
    loginAttempts: await run(
      sql`DELETE FROM login_attempts WHERE coalesce(locked_until, last_failure_at) < now() - interval '1 day'`,
    ),
    workerHeartbeats: await run(sql`DELETE FROM worker_heartbeats WHERE last_seen_at < now() - interval '1 day'`),
    llmCache: await run(sql`DELETE FROM llm_cache WHERE expires_at <= now()`),
  };
}

export const purgeExpiredJob = defineJob({
  id: 'purge_expired',
  payload: z.object({}).passthrough(),
  run: (deps: { db: Database }) => purgeExpired(deps.db),
});
