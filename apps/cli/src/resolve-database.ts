import path from 'node:path';
import type { Logger } from 'pino';
import type { PlumeConfig } from '@plume/config/load-config';
import { startEmbeddedPostgres } from '@plume/db/embedded-postgres';

export type ResolvedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/** DATABASE_URL when set; otherwise an embedded PostgreSQL under the data directory. */
export async function resolveDatabase(config: PlumeConfig, logger: Logger): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  const directory = path.join(config.dataDir, 'postgres');
  logger.info({ directory, port: config.EMBEDDED_PG_PORT }, 'starting embedded PostgreSQL (set DATABASE_URL to use your own)');
  const server = await startEmbeddedPostgres({
    directory,
    port: config.EMBEDDED_PG_PORT,
    onLog: (line) => logger.debug({ component: 'postgres' }, line.trim()),
  });
  await server.createDatabase('plume');
  return { url: server.url('plume'), embedded: true, stop: server.stop };
}
