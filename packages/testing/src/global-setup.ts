import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@plume/db/embedded-postgres';
import { runMigrations } from '@plume/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster's `postgres` database. */
    pgAdminUrl: string;
    /** Name of the migrated template each test file copies. */
    pgTemplate: string;
  }
}

export const templateDatabase = 'plume_template';

/**
 * One real PostgreSQL for the whole run; one migrated template database that each test file copies
 * (CREATE DATABASE … TEMPLATE is far faster than migrating again).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-test-pg-'));
  await fs.chmod(root, 0o755);
  const port = 55_000 + Math.floor(Math.random() * 5_000);
  const server = await startEmbeddedPostgres({ directory: path.join(root, 'cluster'), port, ephemeral: true });
  await server.createDatabase(templateDatabase);
  await runMigrations(server.url(templateDatabase));
  project.provide('pgAdminUrl', server.url('postgres'));
  project.provide('pgTemplate', templateDatabase);
  return async () => {
    await server.stop();
    await fs.rm(root, { recursive: true, force: true });
  };
}
