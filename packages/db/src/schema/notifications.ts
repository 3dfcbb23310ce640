import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind } from '@plume/contract/notifications/notification-schemas';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

/**
 * What Plume told one person about one workspace. A row exists per recipient even when they only want
 * mail (`in_app` false: the list hides it), so `dedupe_key` stops the same event from notifying twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, for keyset pagination (newest first). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path in the web app. */
    link: text('link'),
    /** Same key for the same event (e.g. `post_failed:<target>:<attempt>`): one row per person at most. */
    dedupeKey: text('dedupe_key'),
    inApp: boolean('in_app').notNull(),
    /** The outbox row of its mail, when one was sent. */
    mailId: uuid('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    index('notifications_user_workspace_seq_idx').on(table.userId, table.workspaceId, table.seq),
    index('notifications_unread_idx')
      .on(table.userId, table.workspaceId)
      .where(sql`${table.readAt} IS NULL AND ${table.inApp}`),
    uniqueIndex('notifications_user_dedupe_idx').on(table.userId, table.dedupeKey),
  ],
);

/** A person's choice per kind; a kind without a row follows DEFAULT_NOTIFICATION_CHANNELS. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    inApp: boolean('in_app').notNull(),
    mail: boolean('mail').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);
