/** Mail Plume sent or kept, for the instance admin. */
import { z } from 'zod';
import { timestamp, type Wire } from '../wire.ts';

/** `kept`: no SMTP configured, so the mail waits in the outbox to be read there. */
export const MAIL_STATUSES = ['queued', 'sent', 'kept', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  status: z.enum(MAIL_STATUSES),
  createdAt: timestamp,
});

export type OutboxMail = Wire<typeof mailSchema>;
