import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { mailOutbox } from '@plume/db/schema/platform';

export const sendMailPayload = z.object({ mailId: z.uuid() });

export type MailTransport = {
  send: (mail: { from: string; to: string; subject: string; text: string; html?: string }) => Promise<void>;
};

/** SMTP when configured; otherwise `null` and the outbox row itself is the delivery. */
export function createMailTransport(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) return null;
  // nodemailer (~5 MB of heap) is loaded with the first mail, not at start.
  let transporter: Promise<Transporter> | null = null;
  return {
    send: async (mail) => {
      transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
      await (await transporter).sendMail(mail);
    },
  };
}

/**
 * Delivers one outbox row. Idempotent: a row already sent or kept is left alone, so a retried job
 * never mails twice after a recorded success.
 */
export async function sendMail(
  deps: { db: Database; transport: MailTransport | null; from: string },
  payload: z.infer<typeof sendMailPayload>,
): Promise<'sent' | 'kept' | 'skipped'> {
  const [mail] = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, payload.mailId));
  if (!mail || mail.status === 'sent' || mail.status === 'kept') return 'skipped';
  if (!deps.transport) {
    await deps.db.update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.id, mail.id));
    return 'kept';
  }
  try {
    await deps.transport.send({
      from: deps.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
    });
  } catch (error) {
    await deps.db
      .update(mailOutbox)
      .set({ status: 'failed', error: String(error).slice(0, 500) })
      .where(eq(mailOutbox.id, mail.id));
    throw error;
  }
  await deps.db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: new Date(), error: null })
    .where(eq(mailOutbox.id, mail.id));
  return 'sent';
}
