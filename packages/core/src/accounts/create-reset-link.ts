/**
 * A password reset link for an operator to hand over (`plume user reset-password`): the sole admin who
 * is locked out cannot read the reset mail, because the outbox needs a signed-in admin. The link is the
 * one better-auth mails (same token, same expiry), made through the same endpoint, so the mail is
 * queued as well and the user learns that a reset was asked for.
 */
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { mailOutbox } from '@plume/db/schema/platform';
import { AppError } from '@plume/errors/app-error';
import { passwordResetMail } from '../mail/mail-templates.ts';
import { linksIn } from '../mail/links-in.ts';
import type { Auth } from './create-auth.ts';

export type ResetLink = { email: string; url: string };

export async function createPasswordResetLink(
  deps: { db: Database; auth: Auth; appUrl: string },
  email: string,
): Promise<ResetLink> {
  const [user] = await deps.db
    .select({ email: users.email })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!user) throw new AppError('not_found', { detail: `No user has the email address ${email}.` });
  const [last] = await deps.db
    .select({ seq: sql<number>`coalesce(max(${mailOutbox.seq}), 0)::bigint` })
    .from(mailOutbox);
  await deps.auth.api.requestPasswordReset({
    body: { email: user.email, redirectTo: new URL('/reset-password', deps.appUrl).toString() },
  });
  const subject = passwordResetMail(user.email, '').subject;
  const [mail] = await deps.db
    .select({ text: mailOutbox.text })
    .from(mailOutbox)
    .where(
      and(eq(mailOutbox.to, user.email), eq(mailOutbox.subject, subject), gt(mailOutbox.seq, Number(last?.seq ?? 0))),
    )
    .orderBy(desc(mailOutbox.seq))
    .limit(1);
  const url = mail ? linksIn(mail.text)[0] : undefined;
  if (!url) throw new Error('The reset mail was not written to the outbox; no link to show.');
  return { email: user.email, url };
}
