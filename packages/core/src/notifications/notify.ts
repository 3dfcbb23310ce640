/**
 * The one way Plume tells people something. Call it inside the transaction that made the change: the
 * rows, the mail jobs and the live signal (Postgres NOTIFY, delivered at commit) then happen exactly
 * when the change does. Each recipient gets one row (even mail-only, so the dedupe key holds for
 * mail too); those who want mail get a `mail_notification` job that writes it to the outbox.
 *
 * @example
 * await notify(tx, {
 *   workspaceId, kind: 'post_failed', audience: { type: 'managers' },
 *   title: 'A post failed on Mastodon', body: 'The network refused it: …',
 *   link: `/w/${workspaceId}/posts/${postId}`, dedupeKey: `post_failed:${targetId}:${attempt}`,
 * });
 */
import { sql } from 'drizzle-orm';
import type { NotificationKind } from '@plume/contract/notifications/notification-schemas';
import type { Database } from '@plume/db/client';
import { notifications } from '@plume/db/schema/notifications';
import { channelsOf } from './notification-preferences.ts';
import { recipientsOf, type Audience } from './notification-recipients.ts';

/** The Postgres channel every API process listens on (notification-hub.ts). */
export const NOTIFICATION_CHANNEL = 'plume_notifications';

export type NotifyInput = {
  workspaceId: string;
  kind: NotificationKind;
  audience: Audience;
  /** People who caused the event and need no telling (the one who submitted a post for approval). */
  except?: readonly (string | null)[];
  title: string;
  /** Plain words: what happened and what to do about it. */
  body: string;
  /** A path in the web app (no host): mails make it absolute. */
  link: string | null;
  /** The same key never notifies the same person twice. */
  dedupeKey?: string;
};

export type NotifyResult = { notified: string[]; mailed: string[] };

type Executor = Pick<Database, 'select' | 'insert' | 'execute'>;

export async function notify(db: Executor, input: NotifyInput): Promise<NotifyResult> {
  const everyone = await recipientsOf(db, input.workspaceId, input.audience);
  const recipients = everyone.filter((id) => !(input.except ?? []).includes(id));
  const channels = await channelsOf(db, recipients, input.kind);
  const wanted = recipients.filter((id) => channels.get(id)?.inApp === true || channels.get(id)?.mail === true);
  if (wanted.length === 0) return { notified: [], mailed: [] };
  const rows = await db
    .insert(notifications)
    .values(
      wanted.map((userId) => ({
        workspaceId: input.workspaceId,
        userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link,
        dedupeKey: input.dedupeKey ?? null,
        inApp: channels.get(userId)?.inApp === true,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, inApp: notifications.inApp });
  const mailed: string[] = [];
  for (const row of rows) {
    if (channels.get(row.userId)?.mail === true) {
      await db.execute(
        sql`SELECT graphile_worker.add_job('mail_notification', json_build_object('notificationId', ${row.id}::text), job_key => ${`mail_notification:${row.id}`}, max_attempts => 8)`,
      );
      mailed.push(row.userId);
    }
    if (row.inApp) {
      const payload = JSON.stringify({ id: row.id, userId: row.userId, workspaceId: input.workspaceId });
      await db.execute(sql`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${payload})`);
    }
  }
  return { notified: rows.filter((row) => row.inApp).map((row) => row.userId), mailed };
}
