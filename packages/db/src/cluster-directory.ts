/**
 * The files of an embedded PostgreSQL cluster: its superuser password beside it, its creation (made
 * whole in a scratch folder, then moved into place) and the `postmaster.pid` a running server keeps.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The superuser password lives beside the cluster, readable only by us. */
export async function readOrCreatePassword(directory: string): Promise<string> {
  const file = `${directory}.password`;
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const password = randomBytes(24).toString('hex');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

export function isCluster(directory: string): boolean {
  return existsSync(path.join(directory, 'PG_VERSION'));
}

/**
 * Creates the cluster with `initialise(scratch)` in a sibling scratch folder and renames it into place
 * only once complete: a first start or restore killed halfway leaves no half-made cluster behind (one
 * that then fails with `database "postgres" does not exist`), only a scratch folder the next run clears.
 */
export async function createClusterAtomically(
  directory: string,
  initialise: (scratch: string) => Promise<void>,
): Promise<void> {
  const scratch = `${directory}.creating`;
  await fs.rm(scratch, { recursive: true, force: true });
  const leftover = await fs.readdir(directory).catch(() => []);
  if (leftover.length > 0) {
    throw new Error(
      `${directory} holds files but no PostgreSQL cluster: an earlier first start or restore was probably interrupted ` +
        'while the database was being created. If you have not used Plume with this data directory yet, delete that folder and run the command again.',
    );
  }
  await initialise(scratch);
  await fs.rm(directory, { recursive: true, force: true });
  await fs.rename(scratch, directory);
}

/** The postgres user must be able to reach its data directory through every parent folder. */
export async function makeTraversable(directory: string): Promise<void> {
  let current = path.dirname(directory);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o001);
    current = path.dirname(current);
  }
}

export type RunningCluster = { pid: number; port: number };

/**
 * The server running on this cluster right now, from its `postmaster.pid` (line 1 the PID, line 4
 * the port), or null when none is (no file, or a stale one whose process is gone).
 */
export async function findRunningCluster(directory: string): Promise<RunningCluster | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(directory, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return isProcessAlive(pid) ? { pid, port } : null;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when Plume runs as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `<cluster>.owner` names the Plume process that started the server, so another command can tell a
 * running Plume (use its server, or refuse) from a server left behind by one that was killed.
 */
export async function readOwner(directory: string): Promise<number | null> {
  const text = await fs.readFile(`${directory}.owner`, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export async function writeOwner(directory: string, pid: number | null): Promise<void> {
  if (pid === null) await fs.rm(`${directory}.owner`, { force: true });
  else await fs.writeFile(`${directory}.owner`, `${pid}\n`, { mode: 0o600 });
}

/** Fast shutdown of a server this process did not start; resolves once it is gone. */
export async function stopServerByPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  while (isProcessAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}
