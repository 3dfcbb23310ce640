import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { listTablesInDependencyOrder, type TableInfo } from './table-order.ts';

export const backupFormat = 'plume-backup';
export const backupVersion = 1;
const batchSize = 500;

type Header = { format: string; version: number; createdAt: string; migrations: number; tables: string[] };

/**
 * Writes a consistent logical backup of Plume's data (schema `public`) as gzip'd JSON lines: a header,
 * then per table a line naming it and one line per batch of rows. It reads through the driver in one
 * REPEATABLE READ snapshot, so it works with any PostgreSQL version, embedded or external.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'plume-backup' });
  await client.connect();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await listTablesInDependencyOrder(client);
    const migrations = await client.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations',
    );
    const header: Header = {
      format: backupFormat,
      version: backupVersion,
      createdAt: new Date().toISOString(),
      migrations: migrations.rows[0]?.count ?? 0,
      tables: tables.map((table) => table.name),
    };
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        yield `${JSON.stringify({ table: table.name })}\n`;
        await client.query(
          `DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t) AS row FROM ${pg.escapeIdentifier(table.name)} t`,
        );
        for (;;) {
          const batch = await client.query<{ row: unknown }>(`FETCH ${batchSize} FROM backup_cursor`);
          if (batch.rows.length === 0) break;
          rows += batch.rows.length;
          yield `${JSON.stringify({ rows: batch.rows.map((item) => item.row) })}\n`;
        }
        await client.query('CLOSE backup_cursor');
      }
    }
    // Written beside the target and renamed once complete: a failed backup (disk full) never leaves a
    // file under the final name that looks like a backup but is cut short.
    const partial = `${file}.partial`;
    try {
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
      await fs.rename(partial, file);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw error;
    }
    await client.query('COMMIT');
    return { tables: tables.length, rows };
  } finally {
    await client.end();
  }
}

export type RestoreOptions = {
  /**
   * Runs inside the restore's transaction once every row is in, before COMMIT; throwing rolls the whole
   * restore back (used to refuse a backup whose secrets this instance cannot read).
   */
  beforeCommit?: (client: pg.ClientBase) => Promise<void>;
};

/**
 * Restores a backup into a migrated database whose Plume tables are empty (refuses otherwise, so a
 * restore never mixes two instances' data). Rows go in parent-first order in one transaction.
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: RestoreOptions = {},
): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'plume-restore' });
  await client.connect();
  let input: Interface | undefined;
  let rows = 0;
  try {
    const tables = new Map((await listTablesInDependencyOrder(client)).map((table) => [table.name, table]));
    await client.query('BEGIN');
    await assertEmpty(client, [...tables.values()]);
    // Opened only now, right before the loop reads it: lines a readline interface emits before its
    // iterator exists are lost, and so is its 'close', which would leave the loop waiting forever.
    // `pipe` does not forward a read error (a missing file): hand it on, so the loop throws it.
    const source = createReadStream(file);
    const gunzip = createGunzip();
    source.once('error', (error) => gunzip.destroy(error));
    input = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
    let header: Header | null = null;
    let current: TableInfo | null = null;
    let lineNo = 0;
    for await (const line of readLines(input, file)) {
      lineNo += 1;
      if (!line) continue;
      const record = parseLine(line, lineNo, file);
      if (!header) {
        header = checkHeader(record, file);
        continue;
      }
      if (record.table) {
        current = tables.get(record.table) ?? null;
        if (!current)
          throw new Error(
            `The backup has table "${record.table}", which this database does not. Run \`plume migrate\` with a matching version.`,
          );
      } else if (record.rows && current) {
        const overriding = current.hasIdentity ? 'OVERRIDING SYSTEM VALUE' : '';
        // Named columns: generated ones (posts.media_ids…) are computed again, never written.
        const columns = current.storedColumns.map((column) => pg.escapeIdentifier(column)).join(', ');
        await client.query(
          `INSERT INTO ${pg.escapeIdentifier(current.name)} (${columns}) ${overriding} SELECT ${columns} FROM json_populate_recordset(null::${pg.escapeIdentifier(current.name)}, $1::json)`,
          [JSON.stringify(record.rows)],
        );
        rows += record.rows.length;
      }
    }
    if (!header) throw new Error(`The backup file ${file} is empty. Use a file \`plume backup\` wrote.`);
    for (const table of tables.values()) await resetIdentity(client, table);
    await options.beforeCommit?.(client);
    await client.query('COMMIT');
    return { tables: header.tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    input?.close();
    await client.end();
  }
}

type BackupRecord = Partial<Header> & { table?: string; rows?: unknown[] };

/** Lines of the unzipped file; a damaged or cut-short gzip stream is reported in plain words. */
async function* readLines(input: Interface, file: string): AsyncGenerator<string> {
  try {
    for await (const line of input) yield line;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') {
      throw new Error(
        `The backup file ${file} is cut short: it ends in the middle (it was not written or copied completely). Use another backup, or copy this one again.`,
        { cause: error },
      );
    }
    if (code === 'Z_DATA_ERROR') {
      const what =
        (error as Error).message === 'incorrect header check'
          ? 'it is not a compressed Plume backup at all'
          : 'its compressed data is damaged';
      throw new Error(
        `The backup file ${file} cannot be read: ${what}. Use a file \`plume backup\` wrote, or another backup.`,
        { cause: error },
      );
    }
    throw error;
  }
}

function parseLine(line: string, lineNo: number, file: string): BackupRecord {
  try {
    return JSON.parse(line) as BackupRecord;
  } catch (error) {
    if (lineNo === 1)
      throw new Error(
        `${file} is not a Plume backup (it does not start with a Plume backup header). Use a file \`plume backup\` wrote.`,
        { cause: error },
      );
    throw new Error(
      `The backup file ${file} is damaged: line ${lineNo} is not valid data (${(error as Error).message}). Use another backup.`,
      { cause: error },
    );
  }
}

function checkHeader(record: Partial<Header>, file: string): Header {
  if (record.format !== backupFormat)
    throw new Error(
      `${file} is not a Plume backup (it does not start with a Plume backup header). Use a file \`plume backup\` wrote.`,
    );
  if (record.version !== backupVersion)
    throw new Error(`Backup format version ${String(record.version)} is not supported by this Plume.`);
  return record as Header;
}

async function assertEmpty(client: pg.Client, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    const result = await client.query(`SELECT 1 FROM ${pg.escapeIdentifier(table.name)} LIMIT 1`);
    if (result.rowCount)
      throw new Error(
        `Restore needs an empty database, but table "${table.name}" has rows. Restore into a fresh DATABASE_URL or data directory.`,
      );
  }
}

async function resetIdentity(client: pg.Client, table: TableInfo): Promise<void> {
  for (const column of table.identityColumns) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${pg.escapeIdentifier(column)}) FROM ${pg.escapeIdentifier(table.name)}), 0) + 1, false)`,
      [table.name, column],
    );
  }
}
