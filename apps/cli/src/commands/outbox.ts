import { loadConfigOrExit } from '@plume/config/load-config';
import { linksIn } from '@plume/core/mail/links-in';
import { listOutbox } from '@plume/core/mail/list-outbox';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { createLogger } from '../create-logger.ts';
import { resolveDatabase } from '../resolve-database.ts';

/**
 * `plume outbox [--limit N]`: the last mails Plume sent or queued, newest first, with the links in them
 * (confirmation, reset, invitation). Without SMTP this is where mail goes; the web page showing it
 * needs a signed-in admin, this command only access to the server. Works while Plume runs.
 */
export async function outboxCommand(limitText: string | undefined): Promise<void> {
  const limit = limitText === undefined ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new Error('Usage: plume outbox [--limit N] (N from 1 to 1000)');
  const config = loadConfigOrExit();
  const database = await resolveDatabase(config, createLogger(config));
  const db = createDatabase(database.url, { poolSize: 1, applicationName: 'plume-cli' });
  try {
    const page = await listOutbox(db, { limit });
    if (page.items.length === 0) {
      process.stdout.write('The outbox is empty: Plume has not sent any mail yet.\n');
      return;
    }
    for (const mail of page.items) {
      process.stdout.write(`${formatUtc(mail.createdAt)}  ${mail.status.padEnd(6)}  to ${mail.to}  ${mail.subject}\n`);
      for (const link of linksIn(mail.text)) process.stdout.write(`    ${link}\n`);
    }
  } finally {
    await closeDatabase(db);
    await database.stop();
  }
}

/** `2026-03-04 05:06 UTC`: labelled, the same wherever the command runs. */
function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
