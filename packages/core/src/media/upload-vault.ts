/**
 * An upload through the vault: bytes already in the workspace (same SHA-256) are not stored again; the
 * existing item comes back marked `duplicate`, so the person sees "you already have this" and can use it.
 */
import { createHash } from 'node:crypto';
import type { Database } from '@plume/db/client';
import { getVaultItem } from './list-vault.ts';
import type { MediaStore } from './media-store.ts';
import { saveMedia } from './save-media.ts';
import type { VaultItemView } from './vault-item.ts';

export type UploadResult = VaultItemView & { duplicate: boolean };

export async function findBySha(db: Database, workspaceId: string, sha256: string): Promise<string | undefined> {
  const { rows } = await db.$client.query<{ id: string }>(
    'SELECT id FROM media_assets WHERE workspace_id = $1 AND sha256 = $2 ORDER BY seq LIMIT 1',
    [workspaceId, sha256],
  );
  return rows[0]?.id;
}

export async function uploadToVault(
  deps: { db: Database; media: MediaStore },
  input: Parameters<typeof saveMedia>[1],
): Promise<UploadResult> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = input.bytes.length === 0 ? undefined : await findBySha(deps.db, input.workspaceId, sha256);
  if (existing !== undefined) return { ...(await getVaultItem(deps.db, input.workspaceId, existing)), duplicate: true };
  const saved = await saveMedia(deps, input);
  return { ...(await getVaultItem(deps.db, input.workspaceId, saved.id)), duplicate: false };
}
