import { loadConfigOrExit } from '@plume/config/load-config';
import { createAuth } from '@plume/core/accounts/create-auth';
import { createPasswordResetLink } from '@plume/core/accounts/create-reset-link';
import { loadKeyring } from '@plume/core/secrets/key-file';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { createLogger } from '../create-logger.ts';
import { resolveDatabase } from '../resolve-database.ts';

/**
 * `plume user reset-password <email>`: prints a one-time link to choose a new password, for a user
 * (often the sole admin) who cannot get at the reset mail. No password ever goes through the command
 * line; the link expires like the mailed one. Works while Plume runs.
 */
export async function resetPasswordCommand(email: string | undefined): Promise<void> {
  if (!email) throw new Error('Usage: plume user reset-password <email>');
  const config = loadConfigOrExit();
  const database = await resolveDatabase(config, createLogger(config));
  const db = createDatabase(database.url, { poolSize: 2, applicationName: 'plume-cli' });
  try {
    const keyring = await loadKeyring(config);
    const auth = createAuth({ config, db, keyring });
    const link = await createPasswordResetLink({ db, auth, appUrl: config.publicUrl }, email);
    process.stdout.write(
      `Password reset link for ${link.email} (valid for one hour, usable once):\n${link.url}\n` +
        'Open it in a browser to choose a new password. The same link was also queued as a mail to that address.\n',
    );
  } finally {
    await closeDatabase(db);
    await database.stop();
  }
}
