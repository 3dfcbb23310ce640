import { freePort } from '@plume/testing/free-port';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { plumeNodeArgs } from '@plume/cli/plume-command';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';

export type RunningPlume = { baseUrl: string; databaseUrl: string; output: () => string; stop: () => Promise<void> };

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Runs `plume start` as a real child process on its own database (from the test cluster) and waits
 * until /api/v1/ready answers 200: the browser talks to exactly what a user would run.
 */
export async function startPlume(env: Record<string, string> = {}): Promise<RunningPlume> {
  const database: TestDatabase = await createTestDatabase();
  const port = await freePort();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-e2e-'));
  const baseUrl = `http://localhost:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...plumeNodeArgs, 'start'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      PLUME_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${baseUrl}/api/v1/ready`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return { baseUrl, databaseUrl: database.url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Plume did not become ready:\n${output}`);
}
