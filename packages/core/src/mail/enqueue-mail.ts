import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mailOutbox } from '@plume/db/schema/platform';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

type Executor = Pick<Database, 'insert' | 'execute'>;

/**
 * Records a mail in the outbox and queues its delivery job in the same transaction, so a mail is
 * never lost between "decided to send" and "sent".
 */
export async function enqueueMail(db: Database, mail: OutgoingMail): Promise<string> {
  return db.transaction(async (tx) => enqueueMailIn(tx, mail));
}

export async function enqueueMailIn(tx: Executor, mail: OutgoingMail): Promise<string> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null })
    .returning({ id: mailOutbox.id });
  if (!row) throw new Error('Mail outbox insert returned no row');
  await tx.execute(
    sql`SELECT graphile_worker.add_job('send_mail', json_build_object('mailId', ${row.id}::text), max_attempts => 8)`,
  );
  return row.id;
}
