import type { Logger } from 'pino';
import { loadConfigOrExit, type PlumeConfig } from '@plume/config/load-config';
import { createAuth } from '@plume/core/accounts/create-auth';
import { loadKeyring } from '@plume/core/secrets/key-file';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { runMigrations } from '@plume/db/migrate';
import { buildApp } from '@plume/server/create-app';
import { createLlmServices } from '@plume/core/llm/llm-services';
import { mailBudgetAlert } from '@plume/core/llm/budget-alert-mail';
import { createPublishingServices } from '@plume/core/publishing/publishing-services';
import { allProviders } from '@plume/networks/registry';
import { startWorker } from '@plume/worker/run-worker';
import { createLogger } from '../create-logger.ts';
import { resolveDatabase } from '../resolve-database.ts';
import { webDistDir } from '../web-dist.ts';

export type Roles = { api: boolean; worker: boolean };

/**
 * `plume start` (both roles), `plume api` and `plume worker`. Migrations run first, under an advisory
 * lock, so replicas can start together.
 */
export async function serve(roles: Roles, overrides: Record<string, string | undefined> = {}): Promise<{ stop: () => Promise<void>; port: number | null }> {
  const startedAt = performance.now();
  const config: PlumeConfig = loadConfigOrExit(overrides);
  const logger: Logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  const migrations = await runMigrations(database.url);
  logger.info(migrations, 'database migrated');

  const keyring = await loadKeyring(config);
  const publishing = createPublishingServices({ config, providers: allProviders, logger });
  const db = createDatabase(database.url, { poolSize: config.DATABASE_POOL_SIZE, applicationName: roles.api ? 'plume-api' : 'plume-worker' });
  const llm = createLlmServices({ config, db, keyring, logger, onBudgetAlert: (alert) => mailBudgetAlert({ db, appUrl: config.publicUrl }, alert) });
  const stops: Array<() => Promise<void>> = [];
  let port: number | null = null;

  if (roles.worker) {
    const worker = await startWorker({ config, db, databaseUrl: database.url, logger, keyring, publishing });
    stops.push(worker.stop);
  }
  if (roles.api) {
    const auth = createAuth({ config, db, keyring });
    const app = await buildApp({ config, db, auth, keyring, publishing, llm, webDistDir }, { logger });
    await app.listen({ host: config.HOST, port: config.PORT });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : config.PORT;
    stops.unshift(() => app.close());
    logger.info({ url: config.publicUrl, readyInMs: Math.round(performance.now() - startedAt) }, `Plume is ready at ${config.publicUrl}`);
  }

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      for (const step of stops) await step().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
      await closeDatabase(db);
      await database.stop();
    })();
    return stopping;
  };
  return { stop, port };
}
