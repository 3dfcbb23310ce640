import path from 'node:path';
import { loadConfigOrExit } from '@plume/config/load-config';
import { backupDatabase, restoreDatabase } from '@plume/db/backup';
import { runMigrations } from '@plume/db/migrate';
import { requeueUnsentMail } from '@plume/core/mail/requeue-unsent-mail';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { createLogger } from '../create-logger.ts';
import { pauseRestoredInstance } from './publishing.ts';
import { resolveDatabase } from '../resolve-database.ts';

function requireFile(file: string | undefined, verb: string): string {
  if (!file) throw new Error(`Usage: plume ${verb} <file>`);
  return path.resolve(file);
}

/** `plume backup <file>`: a consistent snapshot of Plume's data, embedded or external database. */
export async function backupCommand(file: string | undefined): Promise<void> {
  const target = requireFile(file, 'backup');
  const config = loadConfigOrExit();
  const database = await resolveDatabase(config, createLogger(config));
  try {
    const result = await backupDatabase(database.url, target);
    process.stdout.write(`Backup written to ${target}: ${result.tables} tables, ${result.rows} rows.\n`);
    process.stdout.write('Keep the secret key (data directory secret.key or PLUME_SECRET_KEY) with it: stored secrets need it.\n');
  } finally {
    await database.stop();
  }
}

/** `plume restore <file>`: into an empty database; migrates first, then loads every table. */
export async function restoreCommand(file: string | undefined): Promise<void> {
  const source = requireFile(file, 'restore');
  const config = loadConfigOrExit();
  const database = await resolveDatabase(config, createLogger(config));
  try {
    await runMigrations(database.url);
    const result = await restoreDatabase(database.url, source);
    const db = createDatabase(database.url, { poolSize: 1 });
    const requeued = await requeueUnsentMail(db).finally(() => closeDatabase(db));
    process.stdout.write(`Restored ${result.rows} rows into ${result.tables} tables; ${requeued} unsent mails queued again.\n`);
    await pauseRestoredInstance(database.url);
  } finally {
    await database.stop();
  }
}
