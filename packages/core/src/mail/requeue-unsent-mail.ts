import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

/** Queues a delivery job for every mail not yet sent; used after a restore, since jobs are not backed up. */
export async function requeueUnsentMail(db: Database): Promise<number> {
  const result = await db.execute(sql`
    SELECT graphile_worker.add_job('send_mail', json_build_object('mailId', id::text), max_attempts => 8, job_key => 'send_mail:' || id::text)
    FROM mail_outbox WHERE status IN ('queued', 'failed')`);
  return result.rowCount ?? 0;
}
