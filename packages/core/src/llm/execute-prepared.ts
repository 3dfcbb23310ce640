/**
 * The gateway store's per-call statements as named prepared statements: PostgreSQL parses and plans each
 * text once per connection instead of on every call. The name is a hash of the text, so each variant
 * (number of cache keys, with or without a cache write) gets its own.
 */
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '@plume/db/client';

const dialect = new PgDialect();
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `plume_llm_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (names.size < 1000) names.set(text, name);
  }
  return name;
}

export async function executePrepared<T extends Record<string, unknown>>(
  db: Database,
  query: SQL,
): Promise<{ rows: T[]; rowCount: number | null }> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return db.$client.query<T>({ name: nameOf(text), text, values: params });
}
