// Runs `plume worker` as a separate process for the publishing benchmark, as an operator would.
import { plumeNodeArgs } from '@plume/cli/plume-command';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, killQuietly } from './proc.ts';

export type WorkerProcess = {
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
  hasExited: () => boolean;
  /** The last lines of stdout and stderr, for error messages. */
  outputTail: () => string;
};

export type WorkerOptions = {
  root: string;
  dataDir: string;
  databaseUrl: string;
  secretKey: string;
  env: Record<string, string>;
  /** Node options before the script (`--cpu-prof`…). */
  nodeArgs?: string[];
};

export function spawnWorker(options: WorkerOptions): WorkerProcess {
  // Built from scratch (plus PATH and HOME) so nothing in the caller's shell changes the configuration.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_URL: options.databaseUrl,
    PLUME_SECRET_KEY: options.secretKey,
    PLUME_DATA_DIR: options.dataDir,
    // The fake network listens on loopback, which the HTTP client refuses unless allowed.
    HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const tail: string[] = [];
  let exited = false;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...plumeNodeArgs, 'worker'], {
    cwd: options.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const remember = (line: string) => {
    tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (tail.length > 40) tail.shift();
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', remember);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', remember);
  const done = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (error) => {
      remember(`spawn error: ${error.message}`);
      exited = true;
      resolve();
    });
  });
  if (child.pid === undefined) throw new Error('could not spawn plume worker');
  return { child, pid: child.pid, exited: done, hasExited: () => exited, outputTail: () => tail.join('\n') };
}

/** SIGTERM, then SIGKILL after `timeoutMs`. Returns whether it stopped gracefully. */
export async function stopWorker(worker: WorkerProcess, timeoutMs: number): Promise<boolean> {
  if (worker.hasExited()) return true;
  killQuietly(worker.pid, 'SIGTERM');
  const stopped = await Promise.race([worker.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
  if (!stopped && isAlive(worker.pid)) {
    killQuietly(worker.pid, 'SIGKILL');
    await Promise.race([worker.exited, sleep(2000)]);
  }
  return stopped;
}
