import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfigOrExit, type PlumeConfig } from '@plume/config/load-config';
import { backupDatabase, restoreDatabase } from '@plume/db/backup';
import { runMigrations } from '@plume/db/migrate';
import { requeueUnsentMail } from '@plume/core/mail/requeue-unsent-mail';
import { configuredKeyIds } from '@plume/core/secrets/key-file';
import { keysInUse, missingKeys, type KeyUse } from '@plume/core/secrets/keys-in-use';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { createLogger } from '../create-logger.ts';
import { pauseRestoredInstance } from './publishing.ts';
import { describeFileError } from '../describe-file-error.ts';
import { prepareDataDir } from '../prepare-data-dir.ts';
import { resolveDatabase } from '../resolve-database.ts';

function requireFile(file: string | undefined, usage: string): string {
  if (!file) throw new Error(`Usage: plume ${usage}`);
  return path.resolve(file);
}

/** Fails at once, in plain words, when a path cannot be used: before any database is started. */
async function checkPath(target: string, mode: number, kind: 'file' | 'folder', advice: string): Promise<void> {
  let problem: string | null = null;
  try {
    await fs.access(target, mode);
    if (kind === 'file' && (await fs.stat(target)).isDirectory()) problem = `${target} is a folder, not a file.`;
  } catch (error) {
    throw new Error(`${describeFileError(error, target, kind)} ${advice}`, { cause: error });
  }
  if (problem) throw new Error(`${problem} ${advice}`);
}

/**
 * `plume backup <file>`: a consistent snapshot of Plume's data, embedded or external database. Works
 * while Plume runs: it reads through the running instance's PostgreSQL in one snapshot.
 */
export async function backupCommand(file: string | undefined): Promise<void> {
  const target = requireFile(file, 'backup <file>');
  const advice = 'Choose another path for the backup file.';
  await checkPath(path.dirname(target), constants.W_OK | constants.X_OK, 'folder', advice);
  const config = loadConfigOrExit();
  const database = await resolveDatabase(config, createLogger(config));
  try {
    const result = await backupDatabase(database.url, target).catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).syscall
        ? new Error(`${describeFileError(error, target, 'file')} ${advice}`, { cause: error })
        : error;
    });
    process.stdout.write(`Backup written to ${target}: ${result.tables} tables, ${result.rows} rows.\n`);
    process.stdout.write(
      'Keep the secret key (data directory secret.key or PLUME_SECRET_KEY) with it: stored secrets need it.\n',
    );
  } finally {
    await database.stop();
  }
}

/**
 * `plume restore [--force] <file>`: into an empty database; migrates first, then loads every table in
 * one transaction (an interrupted restore leaves the database empty, ready for another try). Refuses,
 * before committing, a backup whose secrets need a key this instance does not have, unless `--force`.
 */
export async function restoreCommand(file: string | undefined, options: { force: boolean }): Promise<void> {
  const source = requireFile(file, 'restore [--force] <file>');
  await checkPath(source, constants.R_OK, 'file', 'Give the path of a file `plume backup` wrote.');
  const config = loadConfigOrExit();
  await prepareDataDir(config);
  const available = await configuredKeyIds(config);
  const database = await resolveDatabase(config, createLogger(config), {
    running: 'refuse',
    hint: 'Stop it before restoring into its data directory.',
  });
  try {
    await runMigrations(database.url);
    let unreadable: KeyUse[] = [];
    const result = await restoreDatabase(database.url, source, {
      beforeCommit: async (client) => {
        unreadable = missingKeys(await keysInUse(client), available);
        if (unreadable.length > 0 && !options.force)
          throw new Error(missingKeysMessage(unreadable, available, config, source));
      },
    });
    await pauseRestoredInstance(database.url);
    const after = await afterRestore(database.url);
    process.stdout.write(
      `Restored ${result.rows} rows into ${result.tables} tables; ${after.requeuedMails} unsent mails queued again.\n`,
    );
    if (unreadable.length > 0) {
      process.stdout.write(
        `Restored with --force: ${describeUses(unreadable)} cannot be read without secret key ${unreadable.map((use) => use.keyId).join(', ')}. ` +
          'Reconnect those accounts and enter those provider keys again, or start Plume with that key.\n',
      );
    }
  } finally {
    await database.stop();
  }
}

/** Everything a restored instance needs before it runs, done once the rows are committed. */
async function afterRestore(databaseUrl: string): Promise<{ requeuedMails: number }> {
  const db = createDatabase(databaseUrl, { poolSize: 1 });
  try {
    const requeuedMails = await requeueUnsentMail(db);
    return { requeuedMails };
  } finally {
    await closeDatabase(db);
  }
}

function describeUses(uses: KeyUse[]): string {
  const values = uses.reduce((sum, use) => sum + use.values, 0);
  return `${values} stored secret${values === 1 ? '' : 's'} (connected accounts, model provider keys…)`;
}

function missingKeysMessage(missing: KeyUse[], available: string[], config: PlumeConfig, source: string): string {
  const ids = missing.map((use) => use.keyId).join(', ');
  const have = available.length === 0 ? 'has no secret key yet' : `has key ${available.join(', ')}`;
  return [
    `The backup's ${describeUses(missing)} need the secret key ${ids}, which this Plume does not have (it ${have}). Nothing was restored.`,
    `Give Plume that key, then restore again: copy secret.key from the data directory of the instance the backup came from to ${path.join(config.dataDir, 'secret.key')}, ` +
      'or set PLUME_SECRET_KEY to that key (a key it was rotated from goes in PLUME_PREVIOUS_SECRET_KEYS).',
    `Or restore without it: plume restore --force ${source} (those accounts must then be reconnected and those provider keys entered again).`,
  ].join('\n');
}
