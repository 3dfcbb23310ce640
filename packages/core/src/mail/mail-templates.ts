import type { OutgoingMail } from './enqueue-mail.ts';

// Plain, short mails: the link is what matters, and a self-hoster reading the outbox must find it.

export function verificationMail(to: string, url: string): OutgoingMail {
  return {
    to,
    subject: 'Confirm your email for Plume',
    text: `Welcome to Plume.\n\nConfirm your email address by opening this link:\n${url}\n\nIf you did not sign up, ignore this mail.`,
  };
}

export function passwordResetMail(to: string, url: string): OutgoingMail {
  return {
    to,
    subject: 'Reset your Plume password',
    text: `Someone asked to reset the password of your Plume account.\n\nChoose a new password here:\n${url}\n\nIf it was not you, ignore this mail; your password stays as it is.`,
  };
}

export function invitationMail(
  to: string,
  input: { inviterName: string; workspaceName: string; role: string; url: string },
): OutgoingMail {
  return {
    to,
    subject: `${input.inviterName} invited you to ${input.workspaceName} on Plume`,
    text:
      `${input.inviterName} invited you to join the workspace "${input.workspaceName}" as ${input.role}.\n\n` +
      `Open Plume to accept (sign up with this email address if you have no account yet):\n${input.url}\n`,
  };
}
