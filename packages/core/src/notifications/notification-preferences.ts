/**
 * Each person's choice per notification kind: in the app, by mail, both or neither. A kind they never
 * changed follows DEFAULT_NOTIFICATION_CHANNELS, so a new kind reaches people without a migration.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  DEFAULT_NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '@plume/contract/notifications/notification-schemas';
import type { Database } from '@plume/db/client';
import { notificationPreferences } from '@plume/db/schema/notifications';

export type Channels = { inApp: boolean; mail: boolean };
export type KindChannels = Channels & { kind: NotificationKind };

/** Every kind, in the contract's order, with the person's choice or the default. */
export async function readNotificationPreferences(
  db: Pick<Database, 'select'>,
  userId: string,
): Promise<KindChannels[]> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return NOTIFICATION_KINDS.map((kind) => {
    const row = rows.find((item) => item.kind === kind);
    return { kind, ...(row ? { inApp: row.inApp, mail: row.mail } : DEFAULT_NOTIFICATION_CHANNELS[kind]) };
  });
}

export async function updateNotificationPreferences(
  db: Database,
  userId: string,
  changes: readonly KindChannels[],
): Promise<KindChannels[]> {
  await db.transaction(async (tx) => {
    for (const change of changes) {
      const values = { inApp: change.inApp, mail: change.mail, updatedAt: new Date() };
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind: change.kind, ...values })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: values });
    }
  });
  return readNotificationPreferences(db, userId);
}

/** How each of `userIds` wants `kind` delivered. */
export async function channelsOf(
  db: Pick<Database, 'select'>,
  userIds: readonly string[],
  kind: NotificationKind,
): Promise<Map<string, Channels>> {
  const channels = new Map<string, Channels>(userIds.map((id) => [id, DEFAULT_NOTIFICATION_CHANNELS[kind]]));
  if (userIds.length === 0) return channels;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, [...userIds]), eq(notificationPreferences.kind, kind)));
  for (const row of rows) channels.set(row.userId, { inApp: row.inApp, mail: row.mail });
  return channels;
}
