// Runs `plume start` as a separate process for benchmarks and finds its processes in /proc (Linux).
import { plumeNodeArgs } from '@plume/cli/plume-command';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { commOf, descendants, isAlive, killQuietly } from './proc.ts';

export type PlumeOptions = {
  root: string;
  dataDir: string;
  port: number;
  pgPort: number;
  logLevel: 'warn' | 'info';
  env?: Record<string, string>;
  /** Modules Node loads (`--import`) into the Plume process before Plume itself, e.g. the API bench's bare route. */
  preload?: string[];
};

export type PlumeProcess = {
  child: ChildProcess;
  /** performance.now() just before spawn. */
  spawnedAt: number;
  exited: Promise<void>;
  hasExited: () => boolean;
  /** `readyInMs` from the 'Plume is ready' log line (needs LOG_LEVEL=info). */
  readyInMs: () => number | null;
  /** The last lines of stdout and stderr, for error messages. */
  outputTail: () => string;
  /** Every descendant seen by `rememberTree` (pid → command name), for cleanup if the tree breaks up. */
  known: Map<number, string>;
};

export function spawnPlume(options: PlumeOptions): PlumeProcess {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...options.env,
    PLUME_DATA_DIR: options.dataDir,
    HOST: '127.0.0.1',
    PORT: String(options.port),
    EMBEDDED_PG_PORT: String(options.pgPort),
    LOG_LEVEL: options.logLevel,
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  const tail: string[] = [];
  let readyInMs: number | null = null;
  let exited = false;
  const spawnedAt = performance.now();
  // Own process group, so a last-resort cleanup can reach every process it started.
  const preload = (options.preload ?? []).flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, [...preload, ...plumeNodeArgs, 'start'], {
    cwd: options.root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const remember = (line: string) => {
    tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (tail.length > 60) tail.shift();
  };
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      if (readyInMs === null && line.includes('readyInMs')) readyInMs = parseReadyInMs(line);
    });
  }
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
  return {
    child,
    spawnedAt,
    exited: done,
    hasExited: () => exited,
    readyInMs: () => readyInMs,
    outputTail: () => tail.join('\n'),
    known: new Map(),
  };
}

function parseReadyInMs(line: string): number | null {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && 'readyInMs' in parsed && typeof parsed.readyInMs === 'number')
      return parsed.readyInMs;
  } catch {
    // not a JSON log line
  }
  return null;
}

/** Polls GET /api/v1/ready until 200; returns performance.now() of the first 200. */
export async function waitForReady(plume: PlumeProcess, baseUrl: string, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (plume.hasExited()) throw new Error(`Plume exited before it was ready:\n${plume.outputTail()}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/ready`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`Plume was not ready within ${timeoutMs} ms:\n${plume.outputTail()}`);
}

/** Records the current process tree, so cleanup still finds processes whose parent has exited. */
export function rememberTree(plume: PlumeProcess): void {
  if (plume.child.pid === undefined) return;
  for (const info of descendants(plume.child.pid)) plume.known.set(info.pid, info.comm);
}

/**
 * Graceful stop: SIGTERM to the Plume node process (npx does not forward signals), then wait for the
 * whole tree, embedded PostgreSQL included, to exit. Past `timeoutMs`, SIGKILL every process we started.
 * Returns whether the graceful path finished in time.
 */
export async function stopPlume(plume: PlumeProcess, plumePid: number | null, timeoutMs: number): Promise<boolean> {
  const rootPid = plume.child.pid;
  if (rootPid === undefined) return true;
  rememberTree(plume);
  const tree = [...plume.known.keys()];
  if (plumePid !== null) killQuietly(plumePid, 'SIGTERM');
  else killQuietly(rootPid, 'SIGTERM');
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (plume.hasExited() && tree.every((pid) => !isAlive(pid))) return true;
    await sleep(50);
  }
  killTree(plume);
  await Promise.race([plume.exited, sleep(2000)]);
  return false;
}

/** Last resort: SIGKILL the process we spawned and every descendant we saw, by pid (checking the pid was not reused). */
export function killTree(plume: PlumeProcess): void {
  const rootPid = plume.child.pid;
  if (rootPid === undefined) return;
  rememberTree(plume);
  for (const [pid, comm] of [...plume.known].reverse()) if (commOf(pid) === comm) killQuietly(pid, 'SIGKILL');
  if (!plume.hasExited()) killQuietly(rootPid, 'SIGKILL');
}
