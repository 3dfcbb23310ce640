/**
 * `plume start` with its embedded PostgreSQL, as an operator runs it, and the commands that work on it
 * while it runs (online backup, key rotation, password reset link, outbox); how it stops (Ctrl-C, a
 * dead postmaster, a busy port); and a restore interrupted while its database is being created.
 * One data directory and one running instance are shared by the tests, in order.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@plume/config/load-config';
import { keyFileName, loadKeyring } from '@plume/core/secrets/key-file';
import { keyIdOf, parseKey } from '@plume/core/secrets/keyring';
import { putWorkspaceSecret } from '@plume/core/secrets/workspace-secrets';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { findRunningCluster, stopServerByPid } from '@plume/db/cluster-directory';
import { embeddedUrl } from '@plume/db/embedded-postgres';
import { freePort } from '@plume/testing/free-port';
import { plumeNodeArgs } from '../plume-command.ts';
import {
  createScratch,
  query,
  repoRoot,
  runPlume as plume,
  startPlumeServer,
  type PlumeServer,
} from '../test-support/plume-child.ts';

const scratch = createScratch();
const email = 'ada@example.test';
let dataDir: string;
let env: Record<string, string>;
let port: number;
let server: PlumeServer;
let backupFile: string;
const servers: PlumeServer[] = [];

async function start(environment: Record<string, string>): Promise<PlumeServer & { ready: boolean }> {
  const started = await startPlumeServer(environment, port);
  servers.push(started);
  return started;
}

const clusterOf = (directory: string) => findRunningCluster(path.join(directory, 'postgres'));

async function authPost(baseUrl: string, route: string, body: object): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(body),
    redirect: 'manual',
  });
}

beforeAll(async () => {
  dataDir = await scratch.tempDir('running');
  port = await freePort();
  env = { PLUME_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), PUBLIC_URL: `http://127.0.0.1:${port}` };
  backupFile = path.join(await scratch.tempDir('backups'), 'plume.backup');
  const started = await start(env);
  if (!started.ready) throw new Error(`plume start failed:\n${(await started.exited).stderr}`);
  server = started;
}, 180_000);

afterAll(async () => {
  // Whatever a failed test left running: Plume, then any PostgreSQL it could not stop.
  for (const running of servers) {
    try {
      running.signalGroup('SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const directory of [dataDir, ...restoredDirs]) {
    const cluster = await clusterOf(directory);
    if (cluster) await stopServerByPid(cluster.pid);
  }
  await scratch.cleanup();
});

const restoredDirs: string[] = [];

// Every test runs several `plume` processes; on a busy machine each takes seconds to start.
describe('commands on a running Plume (embedded PostgreSQL)', { timeout: 180_000 }, () => {
  it('rotates the key and writes a backup while Plume runs', async () => {
    expect(
      (await authPost(server.baseUrl, 'sign-up/email', { name: 'Ada', email, password: 'first password 1' })).status,
    ).toBe(200);
    const password = (await fs.readFile(`${path.join(dataDir, 'postgres')}.password`, 'utf8')).trim();
    const url = embeddedUrl(password, Number(env.EMBEDDED_PG_PORT), 'plume');
    await query(url, `INSERT INTO workspaces (id, name, slug) VALUES ('ws-run', 'Running', 'running')`);
    const db = createDatabase(url, { poolSize: 1 });
    await putWorkspaceSecret(
      { db, keyring: await loadKeyring(parseConfig(env)) },
      { workspaceId: 'ws-run', name: 'token', value: 'secret ✓' },
    ).finally(() => closeDatabase(db));

    const rotated = await plume(['secret', 'rotate'], env);
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toMatch(/Re-encrypted 1 secrets/);
    expect((await fs.readFile(path.join(dataDir, keyFileName), 'utf8')).trim().split('\n')).toHaveLength(2);

    const backup = await plume(['backup', backupFile], env);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written to .*: \d+ tables, \d+ rows\.$/m);

    // A restore into the data directory of a running Plume is refused, naming it.
    const restore = await plume(['restore', backupFile], env);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(
      new RegExp(
        `^plume: Plume \\(PID \\d+\\) is running with the data directory ${dataDir}\\. Stop it before restoring into its data directory\\.$`,
        'm',
      ),
    );
  });

  it('prints a password reset link that works, and the outbox shows it', async () => {
    const reset = await plume(['user', 'reset-password', 'ADA@example.test'], env);
    expect(reset.stderr).toBe('');
    expect(reset.status).toBe(0);
    const link = /^(http:\/\/127\.0\.0\.1:\d+\/api\/v1\/auth\/reset-password\/\S+)$/m.exec(reset.stdout)?.[1] ?? '';
    expect(link).not.toBe('');
    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    const token = new URL(opened.headers.get('location') ?? '', server.baseUrl).searchParams.get('token');
    expect((await authPost(server.baseUrl, 'reset-password', { token, newPassword: 'second password 2' })).status).toBe(
      200,
    );
    expect((await authPost(server.baseUrl, 'sign-in/email', { email, password: 'second password 2' })).status).toBe(
      200,
    );

    const outbox = await plume(['outbox', '--limit', '2'], env);
    expect(outbox.status).toBe(0);
    expect(outbox.stdout).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d UTC +\w+ +to ada@example\.test +Reset your Plume password$/m,
    );
    expect(outbox.stdout).toContain(`    ${link}\n`);
    expect(outbox.stdout.match(/ UTC /g)).toHaveLength(2);
  });

  it('stops cleanly on Ctrl-C (SIGINT to its process group): exit 0, only the notice, PostgreSQL stopped after it', async () => {
    server.signalGroup('SIGINT');
    const stopped = await server.exited;
    expect(stopped.stderr.trim()).toBe('SIGINT received, stopping Plume…');
    expect(stopped.stdout).not.toContain('"level":50');
    expect(stopped.status).toBe(0);
    expect(await clusterOf(dataDir)).toBeNull();
  });

  it('says so in one line and exits non-zero when its PostgreSQL dies', async () => {
    const again = await start(env);
    expect(again.ready).toBe(true);
    const cluster = await clusterOf(dataDir);
    process.kill(cluster?.pid ?? 0, 'SIGKILL');
    const ended = await again.exited;
    expect(ended.stderr.trim()).toMatch(
      /^plume: the embedded PostgreSQL stopped unexpectedly \(signal SIGKILL\), so Plume stops too\. Start it again with `plume start`\.$/,
    );
    expect(ended.status).toBe(1);
  });

  it('names PORT when its port is taken, and stops the PostgreSQL it had started', async () => {
    // Another program on the port; it hangs up on every connection, so it can close at the end.
    const squatter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      squatter.once('error', reject);
      squatter.listen(port, '127.0.0.1', resolve);
    });
    try {
      const blocked = await start(env);
      expect(blocked.ready).toBe(false);
      const ended = await blocked.exited;
      expect(ended.stderr).toContain(
        `plume: Port ${port} on 127.0.0.1 is already in use by another program. Stop it, or set PORT to a free port.`,
      );
      expect(ended.status).toBe(1);
      expect(await clusterOf(dataDir)).toBeNull();
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

describe('restoring into a new data directory', { timeout: 240_000 }, () => {
  it('can run again after being killed while its database was created; needs the backup key; the copy starts and stops cleanly', async () => {
    const target = await scratch.tempDir('restored');
    restoredDirs.push(target);
    const targetEnv = {
      PLUME_DATA_DIR: target,
      EMBEDDED_PG_PORT: String(await freePort()),
      PUBLIC_URL: env.PUBLIC_URL ?? '',
    };

    // Killed, with everything it started, as soon as the cluster's first file exists.
    const child = spawn(process.execPath, [...plumeNodeArgs, 'restore', backupFile], {
      cwd: repoRoot,
      env: { LOG_LEVEL: 'warn', ...targetEnv },
      detached: true,
      stdio: 'ignore',
    });
    let running = true;
    const killed = new Promise((resolve) => child.once('close', resolve)).then(() => (running = false));
    const hasClusterFile = async () =>
      (await fs.readdir(target, { recursive: true }).catch(() => [])).some((name) => name.endsWith('PG_VERSION'));
    while (running && !(await hasClusterFile())) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toBe(true);
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await killed;

    const keyId = keyIdOf(parseKey((await fs.readFile(path.join(dataDir, keyFileName), 'utf8')).split('\n')[0] ?? ''));
    const refused = await plume(['restore', backupFile], targetEnv);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `plume: The backup's 1 stored secret (connected accounts, model provider keys…) need the secret key ${keyId}, which this Plume does not have (it has no secret key yet). Nothing was restored.`,
    );
    expect(refused.stderr).toContain(
      `copy secret.key from the data directory of the instance the backup came from to ${path.join(target, keyFileName)}`,
    );
    expect(refused.stderr).toContain(`plume restore --force ${backupFile}`);

    await fs.copyFile(path.join(dataDir, keyFileName), path.join(target, keyFileName));
    const restored = await plume(['restore', backupFile], targetEnv);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/^Restored \d+ rows into \d+ tables/m);

    const copy = await start(targetEnv);
    expect(copy.ready).toBe(true);
    // The backup was written before the password reset.
    expect((await authPost(copy.baseUrl, 'sign-in/email', { email, password: 'first password 1' })).status).toBe(200);
    copy.signalGroup('SIGTERM');
    const stopped = await copy.exited;
    expect(stopped.stderr.trim()).toBe('SIGTERM received, stopping Plume…');
    expect(stopped.status).toBe(0);
  });
});
