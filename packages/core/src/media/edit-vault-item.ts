/** One item's details (where it is used) and the edits a person makes to it: tags, approval. */
import { and, eq, inArray } from 'drizzle-orm';
import type { PostState } from '@plume/contract/posts/post-states';
import type { Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { getVaultItem } from './list-vault.ts';
import type { VaultItemView } from './vault-item.ts';

export type VaultUsage = { postId: string; state: PostState; scheduledAt: string | null; excerpt: string };

/** Posts using the item (content, thread parts or an override), newest first, up to 50. */
export async function vaultItemUsage(db: Database, workspaceId: string, mediaId: string): Promise<VaultUsage[]> {
  const { rows } = await db.$client.query<{
    id: string;
    state: PostState;
    scheduled_at: Date | null;
    text: string | null;
  }>(
    `SELECT p.id, p.state, p.scheduled_at, p.content ->> 'text' AS text FROM posts p
      WHERE p.workspace_id = $1 AND (p.media_ids @> ARRAY[$2::text] OR p.id IN (
        SELECT t.post_id FROM post_targets t WHERE t.workspace_id = $1 AND t.media_ids @> ARRAY[$2::text]))
      ORDER BY p.seq DESC LIMIT 50`,
    [workspaceId, mediaId],
  );
  return rows.map((row) => ({
    postId: row.id,
    state: row.state,
    scheduledAt: row.scheduled_at?.toISOString() ?? null,
    excerpt: (row.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
  }));
}

export async function getVaultItemDetail(
  db: Database,
  workspaceId: string,
  mediaId: string,
): Promise<VaultItemView & { usage: VaultUsage[] }> {
  const item = await getVaultItem(db, workspaceId, mediaId);
  return { ...item, usage: await vaultItemUsage(db, workspaceId, mediaId) };
}

/** Replaces the item's tags (trimmed, lower-cased, each once, in the order given). */
export async function setMediaTags(
  db: Database,
  workspaceId: string,
  mediaId: string,
  tags: string[],
): Promise<VaultItemView> {
  const unique = [...new Set(tags)];
  const updated = await db
    .update(mediaAssets)
    .set({ tags: unique })
    .where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, mediaId)))
    .returning({ id: mediaAssets.id });
  if (updated.length === 0) throw AppError.notFound('media file');
  return getVaultItem(db, workspaceId, mediaId);
}

/** Approves or rejects items; returns the ids that exist in the workspace. */
export async function setMediaApproval(
  db: Pick<Database, 'update'>,
  workspaceId: string,
  mediaIds: string[],
  approval: 'approved' | 'rejected',
): Promise<Set<string>> {
  if (mediaIds.length === 0) return new Set();
  const updated = await db
    .update(mediaAssets)
    .set({ approval })
    .where(and(eq(mediaAssets.workspaceId, workspaceId), inArray(mediaAssets.id, mediaIds)))
    .returning({ id: mediaAssets.id });
  return new Set(updated.map((row) => row.id));
}

export async function decideMedia(
  db: Database,
  workspaceId: string,
  mediaId: string,
  approval: 'approved' | 'rejected',
): Promise<VaultItemView> {
  const found = await setMediaApproval(db, workspaceId, [mediaId], approval);
  if (!found.has(mediaId)) throw AppError.notFound('media file');
  return getVaultItem(db, workspaceId, mediaId);
}
