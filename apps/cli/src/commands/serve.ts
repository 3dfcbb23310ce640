import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { loadConfigOrExit, type PlumeConfig } from '@plume/config/load-config';
import { createAuth } from '@plume/core/accounts/create-auth';
import { loadKeyring } from '@plume/core/secrets/key-file';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { runMigrations } from '@plume/db/migrate';
import { buildApp } from '@plume/server/create-app';
import { createLlmServices } from '@plume/core/llm/llm-services';
import { notifyBudgetAlert } from '@plume/core/llm/budget-alert-mail';
import { createPublishingServices } from '@plume/core/publishing/publishing-services';
import { allProviders } from '@plume/networks/registry';
import { startWorker } from '@plume/worker/run-worker';
import { createLogger } from '../create-logger.ts';
import { prepareDataDir } from '../prepare-data-dir.ts';
import { resolveDatabase } from '../resolve-database.ts';
import { settleHeap } from '../settle-heap.ts';
import { webDistDir } from '../web-dist.ts';

export type Roles = { api: boolean; worker: boolean };

export type RunningServer = {
  stop: () => Promise<void>;
  port: number | null;
  /** Called once if the embedded PostgreSQL exits on its own while Plume runs. */
  onDatabaseLost: (listener: (how: string) => void) => void;
};

/**
 * `plume start` (both roles), `plume api` and `plume worker`. Migrations run first, under an advisory
 * lock, so replicas can start together. A start that fails part-way stops what it had started (the
 * embedded PostgreSQL included) before reporting why.
 */
export async function serve(roles: Roles, overrides: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const startedAt = performance.now();
  const config: PlumeConfig = loadConfigOrExit(overrides);
  const logger: Logger = createLogger(config);
  await prepareDataDir(config);
  const database = await resolveDatabase(config, logger, {
    running: 'refuse',
    hint: 'Stop it first, or give this one its own PLUME_DATA_DIR.',
  });
  // Stopped in order: HTTP (stop accepting, finish requests), workers, then the pool, then PostgreSQL.
  const stops: Array<() => Promise<void>> = [];
  let db: Database | undefined;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      for (const step of stops)
        await step().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
      if (db) await closeDatabase(db).catch(() => undefined);
      await database.stop();
    })();
    return stopping;
  };

  try {
    const migrations = await runMigrations(database.url);
    logger.info(migrations, 'database migrated');
    const keyring = await loadKeyring(config);
    const publishing = createPublishingServices({ config, providers: allProviders, logger });
    const pool = createDatabase(database.url, {
      poolSize: config.DATABASE_POOL_SIZE,
      applicationName: roles.api ? 'plume-api' : 'plume-worker',
    });
    db = pool;
    const llm = createLlmServices({
      config,
      db: pool,
      keyring,
      logger,
      onBudgetAlert: (alert) => notifyBudgetAlert({ db: pool }, alert),
    });
    let port: number | null = null;

    if (roles.worker) {
      const worker = await startWorker({
        config,
        db: pool,
        databaseUrl: database.url,
        logger,
        keyring,
        publishing,
        llm,
        mediaGateway: llm.media.gateway,
      });
      stops.push(worker.stop);
    }
    const app = roles.api
      ? await buildApp(
          { config, db: pool, auth: createAuth({ config, db: pool, keyring }), keyring, publishing, llm, webDistDir },
          { logger },
        )
      : null;
    if (app) stops.unshift(() => app.close());
    await app?.ready();
    // Everything is loaded and built: give back what start-up needed, before a request can wait on it.
    settleHeap();
    if (app) {
      port = await listen(app, config);
      logger.info(
        { url: config.publicUrl, readyInMs: Math.round(performance.now() - startedAt) },
        `Plume is ready at ${config.publicUrl}`,
      );
    }
    return { stop, port, onDatabaseLost: database.onUnexpectedExit };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function listen(app: FastifyInstance, config: PlumeConfig): Promise<number> {
  try {
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(
        `Port ${config.PORT} on ${config.HOST} is already in use by another program. Stop it, or set PORT to a free port.`,
        { cause: error },
      );
    if (code === 'EACCES')
      throw new Error(
        `Plume may not listen on port ${config.PORT} (ports below 1024 need privileges). Set PORT to 1024 or above.`,
        { cause: error },
      );
    if (code === 'EADDRNOTAVAIL')
      throw new Error(
        `HOST=${config.HOST} is not an address of this machine. Set HOST to one it has (0.0.0.0 for all).`,
        { cause: error },
      );
    throw error;
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : config.PORT;
}
