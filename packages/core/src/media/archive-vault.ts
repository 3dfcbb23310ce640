/**
 * Batch download: the chosen files as one zip, streamed. Each file is read from the store and written
 * as it is (stored, not compressed again: images and video are compressed already), one at a time, so
 * memory holds one file however many are asked for.
 */
import { Readable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import type { MediaStore } from './media-store.ts';

export const MAX_ARCHIVE_ITEMS = 100;

type ArchiveFile = { storageKey: string; fileName: string; createdAt: Date };

/** Names as a zip should hold them: no folders, no control characters, each once (`a.png`, `a (2).png`). */
export function archiveNames(fileNames: string[]): string[] {
  const seen = new Map<string, number>();
  return fileNames.map((raw) => {
    const clean = raw.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || 'file';
    const count = (seen.get(clean.toLowerCase()) ?? 0) + 1;
    seen.set(clean.toLowerCase(), count);
    if (count === 1) return clean;
    const dot = clean.lastIndexOf('.');
    return dot > 0 ? `${clean.slice(0, dot)} (${count})${clean.slice(dot)}` : `${clean} (${count})`;
  });
}

async function* zipChunks(store: MediaStore, files: ArchiveFile[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failures.push(error);
    else ready.push(chunk);
  });
  const names = archiveNames(files.map((file) => file.fileName));
  for (const [index, file] of files.entries()) {
    const bytes = await store.read(file.storageKey);
    const entry = new ZipPassThrough(names[index] ?? 'file');
    entry.mtime = file.createdAt;
    zip.add(entry);
    entry.push(bytes, true);
    if (failures[0] !== undefined) throw failures[0];
    yield* ready.splice(0);
  }
  zip.end();
  yield* ready.splice(0);
}

/** The zip of these items (in the order asked); 404 when one is not in the workspace. */
export async function archiveMedia(
  deps: { db: Database; media: MediaStore },
  workspaceId: string,
  mediaIds: string[],
): Promise<Readable> {
  const ids = [...new Set(mediaIds)];
  if (ids.length > MAX_ARCHIVE_ITEMS)
    throw AppError.validation('query/ids', `Download at most ${MAX_ARCHIVE_ITEMS} files at once.`);
  const { rows } = await deps.db.$client.query<{
    id: string;
    storage_key: string;
    file_name: string;
    created_at: Date;
  }>(
    'SELECT id, storage_key, file_name, created_at FROM media_assets WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
    [workspaceId, ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const files = ids.map((id) => {
    const row = byId.get(id);
    if (row === undefined) throw AppError.notFound('media file');
    return { storageKey: row.storage_key, fileName: row.file_name, createdAt: row.created_at };
  });
  return Readable.from(zipChunks(deps.media, files), { objectMode: false });
}

/** One file of the workspace, for previews and single downloads; 404 when it is not the workspace's. */
export async function readVaultFile(
  deps: { db: Database; media: MediaStore },
  workspaceId: string,
  mediaId: string,
): Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }> {
  const { rows } = await deps.db.$client.query<{ storage_key: string; mime_type: string; file_name: string }>(
    'SELECT storage_key, mime_type, file_name FROM media_assets WHERE workspace_id = $1 AND id = $2',
    [workspaceId, mediaId],
  );
  const row = rows[0];
  if (row === undefined) throw AppError.notFound('media file');
  return { bytes: await deps.media.read(row.storage_key), mimeType: row.mime_type, fileName: row.file_name };
}
