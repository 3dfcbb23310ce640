/**
 * Which secret keys the stored data needs: every encrypted column names its key id
 * (`v1:<key id>:…`). A restore compares them with the keys this instance has before it commits.
 */
import { ENCRYPTED_COLUMNS } from './rotate-secrets.ts';

/** A raw connection (the restore's, inside its transaction) or a pool. */
export type Queryable = { query: (text: string) => Promise<{ rows: unknown[] }> };

export type KeyUse = { keyId: string; values: number };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every key id the stored secrets were written with, and how many values each encrypts. */
export async function keysInUse(client: Queryable): Promise<KeyUse[]> {
  const parts = ENCRYPTED_COLUMNS.map(
    ({ table, column }) =>
      `SELECT split_part(${quote(column)}, ':', 2) AS key_id FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL`,
  );
  const result = await client.query(
    `SELECT key_id, count(*)::int AS values FROM (${parts.join(' UNION ALL ')}) AS used GROUP BY key_id ORDER BY key_id`,
  );
  return (result.rows as Array<{ key_id: string; values: number }>).map((row) => ({
    keyId: row.key_id,
    values: row.values,
  }));
}

/** The key uses `available` does not cover. */
export function missingKeys(used: KeyUse[], available: readonly string[]): KeyUse[] {
  return used.filter((use) => !available.includes(use.keyId));
}
