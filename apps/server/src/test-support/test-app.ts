import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseConfig, type PlumeConfig } from '@plume/config/load-config';
import { createAuth } from '@plume/core/accounts/create-auth';
import { notifyBudgetAlert } from '@plume/core/llm/budget-alert-mail';
import { createLlmServices } from '@plume/core/llm/llm-services';
import { createPublishingServices } from '@plume/core/publishing/publishing-services';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import type { NetworkProvider } from '@plume/networks/contract';
import { allProviders } from '@plume/networks/registry';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import type { AppContext } from '../app-context.ts';
import { buildApp } from '../create-app.ts';
import { createTestDatabase } from '@plume/testing/test-database';

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  context: AppContext;
  config: PlumeConfig;
  close: () => Promise<void>;
};

/** The real app on its own real database, for in-process route tests (`app.inject`). */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { providers?: readonly NetworkProvider[] } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-test-data-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    PLUME_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const db = createDatabase(database.url, { poolSize: 5 });
  const keyring = createKeyring(parseKey(generateKey()));
  const auth = createAuth({ config, db, keyring });
  const publishing = createPublishingServices({ config, providers: options.providers ?? allProviders });
  const llm = createLlmServices({
    config,
    db,
    keyring,
    onBudgetAlert: (alert) => notifyBudgetAlert({ db }, alert),
  });
  const context: AppContext = { config, db, auth, keyring, publishing, llm };
  const app = await buildApp(context);
  await app.ready();
  return {
    app,
    db,
    context,
    config,
    close: async () => {
      await app.close();
      await closeDatabase(db);
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
