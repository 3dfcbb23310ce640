import { loadConfigOrExit } from '@plume/config/load-config';
import { generateKey, parseKey, createKeyring } from '@plume/core/secrets/keyring';
import { readKeyFileLines, writeKeyFile } from '@plume/core/secrets/key-file';
import { rotateSecrets } from '@plume/core/secrets/rotate-secrets';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { runMigrations } from '@plume/db/migrate';
import { createLogger } from '../create-logger.ts';
import { prepareDataDir } from '../prepare-data-dir.ts';
import { resolveDatabase } from '../resolve-database.ts';

/**
 * `plume secret rotate`: makes a new instance key and re-encrypts every stored secret with it.
 * With a key file, the file is updated (old key kept on the next line so nothing in flight breaks).
 * With PLUME_SECRET_KEY, the new key is printed for the operator to put in place.
 * Works while Plume runs (on the running instance's PostgreSQL). A running Plume with a key file finds
 * the new key there when it meets a re-encrypted secret; restart it so it also writes with it
 * (signed-in users then sign in again). With PLUME_SECRET_KEY it must be restarted with the new key.
 */
export async function rotateSecretCommand(): Promise<void> {
  const config = loadConfigOrExit();
  await prepareDataDir(config);
  const database = await resolveDatabase(config, createLogger(config));
  const db = createDatabase(database.url, { poolSize: 2 });
  try {
    await runMigrations(database.url);
    const next = generateKey();
    const fromEnv = Boolean(config.PLUME_SECRET_KEY);
    const oldKeys = fromEnv
      ? [config.PLUME_SECRET_KEY ?? '', ...(config.PLUME_PREVIOUS_SECRET_KEYS ?? [])]
      : await readKeyFileLines(config.dataDir);
    const keyring = createKeyring(parseKey(next), oldKeys.filter(Boolean).map(parseKey));
    // The new key is on disk before any row uses it; every old key stays until the rotation has
    // committed, so a failed rotation (and a retry that fails too) never drops a key rows still need.
    if (!fromEnv) await writeKeyFile(config.dataDir, next, oldKeys);
    const result = await rotateSecrets({ db, keyring });
    if (!fromEnv) await writeKeyFile(config.dataDir, next, oldKeys.slice(0, 1));
    process.stdout.write(
      `Re-encrypted ${result.reencrypted} secrets (${result.alreadyCurrent} already current). New key id ${keyring.currentKeyId}.\n`,
    );
    if (fromEnv) {
      process.stdout.write(
        `Set PLUME_SECRET_KEY=${next}\nand PLUME_PREVIOUS_SECRET_KEYS=${oldKeys[0]} until every process runs with the new key, then restart Plume.\n`,
      );
      process.stdout.write(
        'Do it now: a running Plume cannot read the re-encrypted secrets until it is restarted with the new key.\n',
      );
    } else {
      process.stdout.write(
        'A running Plume reads the new key from the key file; restart it so it also writes with the new key.\n',
      );
    }
  } finally {
    await closeDatabase(db);
    await database.stop();
  }
}
