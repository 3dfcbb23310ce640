import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { workspaceSecrets } from '@plume/db/schema/platform';
import type { Keyring } from './keyring.ts';

export type RotationResult = { reencrypted: number; alreadyCurrent: number };

/**
 * Re-encrypts every stored secret with the keyring's current key, in one transaction, so a crash
 * leaves either all old or all new ciphertext (both readable while the old key is kept).
 * Later features add their encrypted columns here.
 */
export async function rotateSecrets(deps: { db: Database; keyring: Keyring }): Promise<RotationResult> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx.select({ id: workspaceSecrets.id, ciphertext: workspaceSecrets.ciphertext }).from(workspaceSecrets).for('update');
    let reencrypted = 0;
    for (const row of rows) {
      if (!deps.keyring.needsRotation(row.ciphertext)) continue;
      const ciphertext = deps.keyring.encrypt(deps.keyring.decrypt(row.ciphertext));
      await tx.update(workspaceSecrets).set({ ciphertext, updatedAt: new Date() }).where(eq(workspaceSecrets.id, row.id));
      reencrypted += 1;
    }
    return { reencrypted, alreadyCurrent: rows.length - reencrypted };
  });
}
