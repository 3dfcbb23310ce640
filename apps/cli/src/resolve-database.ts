import path from 'node:path';
import type { Logger } from 'pino';
import type { PlumeConfig } from '@plume/config/load-config';
import {
  findRunningCluster,
  isProcessAlive,
  readOrCreatePassword,
  readOwner,
  stopServerByPid,
  writeOwner,
} from '@plume/db/cluster-directory';
import { embeddedUrl, startEmbeddedPostgres } from '@plume/db/embedded-postgres';
import { prepareDataDir } from './prepare-data-dir.ts';

export type ResolvedDatabase = {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
  /** Called once if the embedded PostgreSQL this process started exits on its own. */
  onUnexpectedExit: (listener: (how: string) => void) => void;
};

/**
 * What to do when a Plume already runs on this data directory: `share` its PostgreSQL (backup, secret
 * rotation, the user and outbox commands work online), or `refuse` (a second server, a restore).
 */
export type WhenRunning = { running: 'share' } | { running: 'refuse'; hint: string };

const databaseName = 'plume';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under the data directory. */
export async function resolveDatabase(
  config: PlumeConfig,
  logger: Logger,
  whenRunning: WhenRunning = { running: 'share' },
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL)
    return {
      url: config.DATABASE_URL,
      embedded: false,
      stop: async () => undefined,
      onUnexpectedExit: () => undefined,
    };
  await prepareDataDir(config);
  const directory = path.join(config.dataDir, 'postgres');
  const running = await findRunningCluster(directory);
  if (running) {
    const owner = await readOwner(directory);
    if (owner !== null && owner !== process.pid && isProcessAlive(owner)) {
      if (whenRunning.running === 'refuse') {
        throw new Error(
          `Plume (PID ${owner}) is running with the data directory ${config.dataDir}. ${whenRunning.hint}`,
        );
      }
      logger.info(
        { pid: owner, port: running.port },
        'using the PostgreSQL of the Plume running on this data directory',
      );
      const password = await readOrCreatePassword(directory);
      return {
        url: embeddedUrl(password, running.port, databaseName),
        embedded: true,
        stop: async () => undefined,
        onUnexpectedExit: () => undefined,
      };
    }
    logger.warn(
      { pid: running.pid },
      'stopping the embedded PostgreSQL left running by a Plume that did not stop cleanly',
    );
    await stopServerByPid(running.pid);
  }

  logger.info(
    { directory, port: config.EMBEDDED_PG_PORT },
    'starting embedded PostgreSQL (set DATABASE_URL to use your own)',
  );
  const server = await startEmbeddedPostgres({
    directory,
    port: config.EMBEDDED_PG_PORT,
    onLog: (line) => logger.debug({ component: 'postgres' }, line.trim()),
  });
  await writeOwner(directory, process.pid);
  const stop = async () => {
    await server.stop();
    await writeOwner(directory, null);
  };
  try {
    await server.createDatabase(databaseName);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: server.url(databaseName), embedded: true, stop, onUnexpectedExit: server.onUnexpectedExit };
}
