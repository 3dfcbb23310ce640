import { loadConfigOrExit } from '@plume/config/load-config';
import { runMigrations } from '@plume/db/migrate';
import { createLogger } from '../create-logger.ts';
import { resolveDatabase } from '../resolve-database.ts';

export async function migrateCommand(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  try {
    const result = await runMigrations(database.url);
    process.stdout.write(`Migrations: ${result.applied} applied, ${result.total} in total.\n`);
  } finally {
    await database.stop();
  }
}
