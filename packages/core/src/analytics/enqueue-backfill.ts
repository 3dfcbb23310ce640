/** Queues an account's backfill job (keyed: asking twice while one waits runs it once). */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const BACKFILL_JOB = 'backfill_account';

export async function enqueueBackfill(
  db: Pick<Database, 'execute'>,
  accountId: string,
  runAt = new Date(),
): Promise<void> {
  await db.execute(sql`
    SELECT graphile_worker.add_job(${BACKFILL_JOB}, json_build_object('accountId', ${accountId}::text),
      run_at => ${runAt}::timestamptz, job_key => ${`backfill:${accountId}`}, max_attempts => 3)`);
}
