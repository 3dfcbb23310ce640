// The inbox list benchmark's Plume: the real HTTP app (as `plume start` builds it) on a fresh embedded
// PostgreSQL, migrated, in this process.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '@plume/config/load-config';
import { createAuth } from '@plume/core/accounts/create-auth';
import { notifyBudgetAlert } from '@plume/core/llm/budget-alert-mail';
import { createLlmServices } from '@plume/core/llm/llm-services';
import { createPublishingServices } from '@plume/core/publishing/publishing-services';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { startEmbeddedPostgres } from '@plume/db/embedded-postgres';
import { runMigrations } from '@plume/db/migrate';
import { freePort } from '@plume/testing/free-port';
import { allProviders } from '@plume/networks/registry';
import { buildApp } from '../../apps/server/src/create-app.ts';

export type BenchApp = { app: FastifyInstance; db: Database; databaseUrl: string; close: () => Promise<void> };

export async function startBenchApp(): Promise<BenchApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-inbox-'));
  const postgres = await startEmbeddedPostgres({
    directory: path.join(dataDir, 'postgres'),
    port: await freePort(),
    ephemeral: true,
  });
  await postgres.createDatabase('plume');
  const databaseUrl = postgres.url('plume');
  await runMigrations(databaseUrl);
  const config = parseConfig({
    NODE_ENV: 'test',
    PLUME_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    // Each request presents its own client address, so the per-IP rate limit does not stop the run.
    TRUST_PROXY: 'true',
  });
  const db = createDatabase(databaseUrl, { poolSize: 5 });
  const keyring = createKeyring(parseKey(generateKey()));
  const auth = createAuth({ config, db, keyring });
  const publishing = createPublishingServices({ config, providers: allProviders });
  const llm = createLlmServices({ config, db, keyring, onBudgetAlert: (alert) => notifyBudgetAlert({ db }, alert) });
  const app = await buildApp({ config, db, auth, keyring, publishing, llm });
  await app.ready();
  return {
    app,
    db,
    databaseUrl,
    close: async () => {
      await app.close();
      await closeDatabase(db);
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
