import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { plumeNodeArgs } from '../plume-command.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export type PlumeRun = { status: number | null; stdout: string; stderr: string };

/**
 * Runs `plume <args>` as a child process from the repository root, as an operator would. The
 * environment is built from scratch (plus LOG_LEVEL=warn) so nothing in the developer's shell, such as
 * a PLUME_SECRET_KEY, changes the outcome.
 */
export function runPlume(args: string[], env: Record<string, string>): Promise<PlumeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...plumeNodeArgs, ...args], { cwd: repoRoot, env: { LOG_LEVEL: 'warn', ...env }, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** One query on its own connection. */
export async function query<Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The integer a scalar query returns. */
export async function count(url: string, text: string): Promise<number> {
  const [row] = await query<{ count: number }>(url, `SELECT (${text})::int AS count`);
  return row?.count ?? -1;
}

export type Scratch = {
  /** A fresh directory (a data directory, say) under this file's temporary root. */
  tempDir: (name: string) => Promise<string>;
  /** A database from the test cluster: `empty` (unmigrated) or `migrated` (copied from the template). */
  database: (kind: 'empty' | 'migrated') => Promise<TestDatabase>;
  /** Drops every database and removes every directory made here; for afterAll. */
  cleanup: () => Promise<void>;
};

export function createScratch(): Scratch {
  const databases: TestDatabase[] = [];
  let root: Promise<string> | null = null;
  return {
    async tempDir(name) {
      root ??= fs.mkdtemp(path.join(os.tmpdir(), 'plume-cli-test-'));
      return fs.mkdtemp(path.join(await root, `${name}-`));
    },
    async database(kind) {
      const created = kind === 'empty' ? await createEmptyDatabase() : await createTestDatabase();
      databases.push(created);
      return created;
    },
    async cleanup() {
      for (const created of databases.splice(0)) await created.drop();
      if (root) await fs.rm(await root, { recursive: true, force: true });
    },
  };
}
