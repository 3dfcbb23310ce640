import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { workspaceSecrets } from '@plume/db/schema/platform';
import type { Keyring } from './keyring.ts';

/** Stores a workspace secret encrypted; replaces any previous value with the same name. */
export async function putWorkspaceSecret(
  deps: { db: Database; keyring: Keyring },
  input: { workspaceId: string; name: string; value: string },
): Promise<void> {
  const ciphertext = deps.keyring.encrypt(input.value);
  await deps.db.transaction(async (tx) => {
    await tx
      .delete(workspaceSecrets)
      .where(and(eq(workspaceSecrets.workspaceId, input.workspaceId), eq(workspaceSecrets.name, input.name)));
    await tx.insert(workspaceSecrets).values({ workspaceId: input.workspaceId, name: input.name, ciphertext });
  });
}

export async function readWorkspaceSecret(
  deps: { db: Database; keyring: Keyring },
  input: { workspaceId: string; name: string },
): Promise<string | null> {
  const [row] = await deps.db
    .select({ ciphertext: workspaceSecrets.ciphertext })
    .from(workspaceSecrets)
    .where(and(eq(workspaceSecrets.workspaceId, input.workspaceId), eq(workspaceSecrets.name, input.name)));
  return row ? deps.keyring.decrypt(row.ciphertext) : null;
}
