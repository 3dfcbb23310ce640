/**
 * One person's notifications in one workspace: newest first, unread ones counted, read one by one or
 * all at once. Rows of another person or workspace are never found (404 for the caller).
 */
import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { notifications } from '@plume/db/schema/notifications';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';

export type Reader = { userId: string; workspaceId: string };

const view = {
  id: notifications.id,
  seq: notifications.seq,
  workspaceId: notifications.workspaceId,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

export type NotificationView = Omit<{ [Key in keyof typeof view]: (typeof notifications.$inferSelect)[Key] }, 'seq'>;

const mine = (reader: Reader) =>
  and(
    eq(notifications.userId, reader.userId),
    eq(notifications.workspaceId, reader.workspaceId),
    eq(notifications.inApp, true),
  );

export async function listNotifications(
  db: Pick<Database, 'select'>,
  reader: Reader,
  input: { limit: number; cursor?: string | undefined; unreadOnly: boolean },
): Promise<Page<NotificationView>> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  if (after !== null && !/^\d{1,18}$/.test(after))
    throw AppError.validation('query/cursor', 'Not a cursor this API issued');
  const rows = await db
    .select(view)
    .from(notifications)
    .where(
      and(
        mine(reader),
        after === null ? undefined : lt(notifications.seq, Number(after)),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ seq: _seq, ...item }) => item),
    nextCursor: rows.length > input.limit && last ? encodeCursor(String(last.seq)) : null,
  };
}

/** One notification, for the live stream (null when it is not the reader's). */
export async function findNotification(
  db: Pick<Database, 'select'>,
  reader: Reader,
  id: string,
): Promise<NotificationView | null> {
  const [row] = await db
    .select(view)
    .from(notifications)
    .where(and(mine(reader), eq(notifications.id, id)));
  if (row === undefined) return null;
  const { seq: _seq, ...item } = row;
  return item;
}

export async function countUnread(db: Pick<Database, 'select'>, reader: Reader): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(mine(reader), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Marks one read (reading it again keeps the first time); 404 when it is not the reader's. */
export async function markNotificationRead(
  db: Pick<Database, 'select' | 'update'>,
  reader: Reader,
  id: string,
): Promise<NotificationView> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(reader), eq(notifications.id, id), isNull(notifications.readAt)));
  const found = await findNotification(db, reader, id);
  if (found === null) throw AppError.notFound('notification');
  return found;
}

export async function markAllNotificationsRead(db: Pick<Database, 'update'>, reader: Reader): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(reader), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}
