import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { secretKeyMissing, type Keyring } from './keyring.ts';

export type RotationResult = { reencrypted: number; alreadyCurrent: number };

/**
 * Every encrypted column Plume stores. A feature that adds one adds it here; the secrets test checks
 * the list against the schema, so a new column cannot be forgotten.
 */
export const ENCRYPTED_COLUMNS = [
  { table: 'workspace_secrets', column: 'ciphertext' },
  { table: 'social_accounts', column: 'tokens_ciphertext' },
  { table: 'network_app_registrations', column: 'client_secret_ciphertext' },
  { table: 'oauth_states', column: 'code_verifier_ciphertext' },
  { table: 'pending_connections', column: 'payload_ciphertext' },
  { table: 'llm_providers', column: 'api_key_ciphertext' },
  { table: 'webhook_endpoints', column: 'secret_ciphertext' },
  { table: 'webhook_endpoints', column: 'previous_secret_ciphertext' },
  { table: 'automation_rules', column: 'secret_ciphertext' },
] as const;

/**
 * Re-encrypts every stored secret with the keyring's current key, in one transaction, so a crash
 * leaves either all old or all new ciphertext (both readable while the old key is kept).
 * Rows are addressed by `ctid`, which the row lock keeps stable until the transaction ends.
 */
export async function rotateSecrets(deps: { db: Database; keyring: Keyring }): Promise<RotationResult> {
  return deps.db.transaction(async (tx) => {
    let reencrypted = 0;
    let alreadyCurrent = 0;
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const rows = await tx.execute<{ row: string; ciphertext: string }>(
        sql`SELECT ctid::text AS row, ${sql.identifier(column)} AS ciphertext FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} IS NOT NULL FOR UPDATE`,
      );
      for (const { row, ciphertext } of rows.rows) {
        if (!deps.keyring.needsRotation(ciphertext)) {
          alreadyCurrent += 1;
          continue;
        }
        const missing = deps.keyring.missingKeyOf(ciphertext);
        if (missing)
          throw secretKeyMissing(
            missing,
            `A value in ${table}.${column}`,
            'Nothing was re-encrypted. Remove or re-enter it',
          );
        const fresh = deps.keyring.encrypt(deps.keyring.decrypt(ciphertext));
        await tx.execute(
          sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(column)} = ${fresh} WHERE ctid = ${row}::tid`,
        );
        reencrypted += 1;
      }
    }
    return { reencrypted, alreadyCurrent };
  });
}
