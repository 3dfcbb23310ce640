import { spawn } from 'node:child_process';
import http from 'node:http';
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
    const child = spawn(process.execPath, [...plumeNodeArgs, ...args], {
      cwd: repoRoot,
      env: { LOG_LEVEL: 'warn', ...env },
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** One query on its own connection. */
export async function query<Row extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
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

export type PlumeServer = {
  baseUrl: string;
  /** Resolves with the exit status once the process has ended. */
  exited: Promise<PlumeRun & { signal: NodeJS.Signals | null }>;
  /** Sends a signal to its whole process group, as a terminal's Ctrl-C does. */
  signalGroup: (signal: NodeJS.Signals) => void;
};

/** True once GET <url> answers 200. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('error', () => resolve(false));
    // Something else on the port may accept and never answer.
    request.setTimeout(1000, () => request.destroy());
  });
}

/**
 * Runs `plume start` in its own process group (as a shell runs a foreground job) and waits until it
 * answers /api/v1/ready, or until it exits (a start that fails): then `baseUrl` is never reached.
 */
export async function startPlumeServer(
  env: Record<string, string>,
  port: number,
): Promise<PlumeServer & { ready: boolean }> {
  const child = spawn(process.execPath, [...plumeNodeArgs, 'start'], {
    cwd: repoRoot,
    env: { LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<PlumeRun & { signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  let done = false;
  void exited.then(() => (done = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  let ready = false;
  while (!done && !ready) {
    ready = await answers(`${baseUrl}/api/v1/ready`);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, exited, ready, signalGroup: (signal) => process.kill(-(child.pid ?? 0), signal) };
}
