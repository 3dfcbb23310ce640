/**
 * Batch approve, reject and delete. Each item gets its own answer: one that is missing, or that a post
 * waiting to go out still uses, is left as it was and says why; the others are changed in one transaction.
 * Deletes are written to the audit log (one event per file) and the files leave the store after commit.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { setMediaApproval } from './edit-vault-item.ts';
import type { MediaStore } from './media-store.ts';

export type BatchResult = { mediaId: string; ok: boolean; reason: string | null };

/** Posts in these states will still publish their media: deleting it would break them. */
const WAITING_STATES = ['in_review', 'approved', 'scheduled', 'publishing'];

const MISSING = 'No such media file in this workspace.';

/** For each media id a waiting post uses, one such post's excerpt. */
async function usedByWaitingPosts(db: Database, workspaceId: string, mediaIds: string[]): Promise<Map<string, string>> {
  const { rows } = await db.$client.query<{ media_id: string; text: string | null }>(
    `SELECT DISTINCT ON (u.media_id) u.media_id, p.content ->> 'text' AS text
       FROM (SELECT p.id AS post_id, unnest(p.media_ids) AS media_id FROM posts p
              WHERE p.workspace_id = $1 AND p.media_ids && $2::text[] AND p.state = ANY($3::text[])
             UNION ALL
             SELECT t.post_id, unnest(t.media_ids) FROM post_targets t JOIN posts p ON p.id = t.post_id
              WHERE t.workspace_id = $1 AND t.media_ids && $2::text[] AND p.state = ANY($3::text[])) u
       JOIN posts p ON p.id = u.post_id
      WHERE u.media_id = ANY($2::text[])
      ORDER BY u.media_id, p.scheduled_at NULLS LAST`,
    [workspaceId, mediaIds, WAITING_STATES],
  );
  return new Map(rows.map((row) => [row.media_id, (row.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)]));
}

function waitingReason(excerpt: string): string {
  return `A post waiting to be published uses it ("${excerpt}"). Remove it from that post first.`;
}

export async function approveOrReject(
  db: Database,
  workspaceId: string,
  mediaIds: string[],
  approval: 'approved' | 'rejected',
): Promise<BatchResult[]> {
  const found = await setMediaApproval(db, workspaceId, mediaIds, approval);
  return mediaIds.map((mediaId) => ({ mediaId, ok: found.has(mediaId), reason: found.has(mediaId) ? null : MISSING }));
}

export async function deleteMediaItems(
  deps: { db: Database; media: MediaStore },
  input: { workspaceId: string; actor: AuditActor; mediaIds: string[] },
): Promise<BatchResult[]> {
  const ids = [...new Set(input.mediaIds)];
  const blocked = await usedByWaitingPosts(deps.db, input.workspaceId, ids);
  const deletable = ids.filter((id) => !blocked.has(id));
  const deleted = await deps.db.transaction(async (tx) => {
    if (deletable.length === 0) return [];
    const rows = await tx
      .delete(mediaAssets)
      .where(and(eq(mediaAssets.workspaceId, input.workspaceId), inArray(mediaAssets.id, deletable)))
      .returning({
        id: mediaAssets.id,
        storageKey: mediaAssets.storageKey,
        fileName: mediaAssets.fileName,
        bytes: mediaAssets.bytes,
      });
    for (const row of rows)
      await recordAudit(tx, input.workspaceId, input.actor, 'media.deleted', 'media', row.id, {
        fileName: row.fileName,
        bytes: row.bytes,
      });
    return rows;
  });
  // After commit: a file whose row is gone is unreachable; one left by a failed removal is only disk.
  await Promise.all(deleted.map((row) => deps.media.remove(row.storageKey).catch(() => undefined)));
  const gone = new Set(deleted.map((row) => row.id));
  return input.mediaIds.map((mediaId) => {
    const excerpt = blocked.get(mediaId);
    if (excerpt !== undefined) return { mediaId, ok: false, reason: waitingReason(excerpt) };
    return { mediaId, ok: gone.has(mediaId), reason: gone.has(mediaId) ? null : MISSING };
  });
}

/** One item's delete: 404 when missing, 409 in plain words when a waiting post uses it. */
export async function deleteMediaItem(
  deps: { db: Database; media: MediaStore },
  input: { workspaceId: string; actor: AuditActor; mediaId: string },
): Promise<void> {
  const [result] = await deleteMediaItems(deps, { ...input, mediaIds: [input.mediaId] });
  if (result?.ok === true) return;
  if (result?.reason === MISSING || result === undefined) throw AppError.notFound('media file');
  throw AppError.conflict(result.reason ?? 'It is in use.');
}
