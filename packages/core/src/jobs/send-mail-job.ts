import type { Database } from '@plume/db/client';
import { sendMail, sendMailPayload, type MailTransport } from '../mail/send-mail.ts';
import { defineJob } from './define-job.ts';

export const sendMailJob = defineJob({
  id: 'send_mail',
  payload: sendMailPayload,
  run: (deps: { db: Database; transport: MailTransport | null; from: string }, payload) => sendMail(deps, payload),
});
