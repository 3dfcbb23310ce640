/**
 * Writes a notification's mail to the outbox (the `mail_notification` job, queued by notify()). Runs
 * in the worker, which knows the public URL the mail links to. Idempotent: the row remembers its mail.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { notifications } from '@plume/db/schema/notifications';
import { workspaces } from '@plume/db/schema/workspaces';
import { enqueueMailIn } from '../mail/enqueue-mail.ts';

export const mailNotificationPayload = z.object({ notificationId: z.uuid() });

export async function mailNotification(
  deps: { db: Database; appUrl: string },
  payload: z.infer<typeof mailNotificationPayload>,
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ notification: notifications, email: users.email, workspaceName: workspaces.name })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .innerJoin(workspaces, eq(workspaces.id, notifications.workspaceId))
      .where(eq(notifications.id, payload.notificationId))
      .for('update', { of: notifications });
    if (row === undefined) return 'gone';
    if (row.notification.mailId !== null) return 'already mailed';
    const { notification } = row;
    const lines = [notification.body, ''];
    if (notification.link !== null)
      lines.push(`Open it in Plume: ${new URL(notification.link, deps.appUrl).toString()}`);
    lines.push(
      '',
      `You get this mail as a member of the workspace "${row.workspaceName}".`,
      `Choose which mails you get: ${new URL('/profile', deps.appUrl).toString()}`,
    );
    const mailId = await enqueueMailIn(tx, {
      to: row.email,
      subject: `${row.workspaceName}: ${notification.title}`,
      text: lines.join('\n'),
    });
    await tx.update(notifications).set({ mailId }).where(eq(notifications.id, notification.id));
    return 'mailed';
  });
}

/**
 * Writes the mails of every `mail_notification` job still queued, as the worker would (tests call it
 * where no worker runs). The jobs stay queued; running them later changes nothing.
 */
export async function mailQueuedNotifications(deps: { db: Database; appUrl: string }): Promise<number> {
  const queued = await deps.db.execute<{ id: string }>(
    // Each job is keyed `mail_notification:<id>` (notify.ts); the public view shows keys, not payloads.
    sql`SELECT substr(key, length('mail_notification:') + 1) AS id FROM graphile_worker.jobs
        WHERE task_identifier = 'mail_notification' ORDER BY id`,
  );
  let mailed = 0;
  for (const row of queued.rows) {
    if ((await mailNotification(deps, { notificationId: row.id })) === 'mailed') mailed += 1;
  }
  return mailed;
}
