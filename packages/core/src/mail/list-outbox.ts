import { desc, lt } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mailOutbox } from '@plume/db/schema/platform';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';

export type OutboxMail = Omit<typeof mailOutbox.$inferSelect, 'error' | 'sentAt' | 'seq'>;

/** Newest first, keyset-paginated on the insertion sequence. */
export async function listOutbox(
  db: Database,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<OutboxMail>> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  if (after !== null && !/^\d{1,18}$/.test(after))
    throw AppError.validation('query/cursor', 'Not a cursor this API issued');
  const rows = await db
    .select({
      seq: mailOutbox.seq,
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      html: mailOutbox.html,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(after ? lt(mailOutbox.seq, Number(after)) : undefined)
    .orderBy(desc(mailOutbox.seq))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ seq: _seq, ...mail }) => mail);
  const last = rows[Math.min(rows.length, input.limit) - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(String(last.seq)) : null };
}
