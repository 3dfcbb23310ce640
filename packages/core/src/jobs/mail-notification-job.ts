import type { Database } from '@plume/db/client';
import { mailNotification, mailNotificationPayload } from '../notifications/mail-notification.ts';
import { defineJob } from './define-job.ts';

export const mailNotificationJob = defineJob({
  id: 'mail_notification',
  payload: mailNotificationPayload,
  run: (deps: { db: Database; appUrl: string }, payload) => mailNotification(deps, payload),
});
