/**
 * Accepting an upload: the bytes decide what it is (never the file name or the browser's claim), so
 * an image is probed with sharp for its real format and size, a video or sound file with ffprobe
 * (`probe-upload.ts`) for its container, length, size and codecs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { MediaKind } from '@plume/contract/networks/network-enums';
import type { MediaApproval, MediaSource } from '@plume/contract/media/media-enums';
import { mediaAssets, type MediaProvenance } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';
import type { MediaStore } from './media-store.ts';
import { AUDIO_VIDEO_HINT, looksLikeAudioOrVideo, probeAudioVideo, type AudioVideoFacts } from './probe-upload.ts';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const IMAGE_FORMATS: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

export type MediaView = {
  id: string;
  kind: MediaKind;
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  fileName: string;
  altText: string | null;
  aiGenerated: boolean;
  createdAt: string;
};

function toView(row: typeof mediaAssets.$inferSelect): MediaView {
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mimeType,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    durationSec: row.durationSec,
    fileName: row.fileName,
    altText: row.altText,
    aiGenerated: row.aiGenerated,
    createdAt: row.createdAt.toISOString(),
  };
}

type Facts = { kind: MediaView['kind']; mimeType: string; width?: number; height?: number } & Partial<
  Omit<AudioVideoFacts, 'kind'>
>;

async function audioVideoOrRefuse(bytes: Uint8Array, declaredType: string): Promise<Facts> {
  const facts = await probeAudioVideo(bytes, declaredType);
  if (facts === null) throw new AppError('unsupported_media_type', { detail: AUDIO_VIDEO_HINT });
  return facts;
}

async function probe(bytes: Uint8Array, declaredType: string): Promise<Facts> {
  if (looksLikeAudioOrVideo(declaredType)) return audioVideoOrRefuse(bytes, declaredType);
  // Loaded on the first upload: sharp and libvips add ~15 MB to every process that never sees one.
  const { default: sharp } = await import('sharp');
  try {
    const metadata = await sharp(bytes, { animated: true }).metadata();
    const mimeType = metadata.format === undefined ? undefined : IMAGE_FORMATS[metadata.format];
    if (mimeType === undefined) throw new Error('unsupported');
    const height = metadata.pageHeight ?? metadata.height;
    return { kind: mimeType === 'image/gif' ? 'gif' : 'image', mimeType, width: metadata.width, height };
  } catch {
    // Not an image: a video or sound file sent without its type is read by ffprobe.
    return audioVideoOrRefuse(bytes, declaredType);
  }
}

export async function saveMedia(
  deps: { db: Database; media: MediaStore },
  input: {
    workspaceId: string;
    userId: string | null;
    fileName: string;
    declaredType: string;
    bytes: Uint8Array;
    altText?: string;
    aiGenerated?: boolean;
    /** AI results: `ai`, `pending` until a person approves, the character, how it was made. */
    source?: MediaSource;
    approval?: MediaApproval;
    characterId?: string | null;
    provenance?: MediaProvenance;
  },
): Promise<MediaView> {
  if (input.bytes.length === 0) throw AppError.validation('file', 'The file is empty.');
  const facts = await probe(input.bytes, input.declaredType);
  const id = randomUUID();
  const storageKey = `${input.workspaceId.replace(/[^\w-]/g, '_')}/${id}`;
  await deps.media.put(storageKey, input.bytes);
  const [row] = await deps.db
    .insert(mediaAssets)
    .values({
      id,
      workspaceId: input.workspaceId,
      kind: facts.kind,
      mimeType: facts.mimeType,
      bytes: input.bytes.length,
      width: facts.width ?? null,
      height: facts.height ?? null,
      durationSec: facts.durationSec ?? null,
      videoCodec: facts.videoCodec ?? null,
      audioCodec: facts.audioCodec ?? null,
      fileName: input.fileName.slice(0, 200) || 'upload',
      storageKey,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      altText: input.altText ?? null,
      aiGenerated: input.aiGenerated ?? false,
      ...(input.source === undefined ? {} : { source: input.source }),
      ...(input.approval === undefined ? {} : { approval: input.approval }),
      characterId: input.characterId ?? null,
      provenance: input.provenance ?? null,
      createdBy: input.userId,
    })
    .returning();
  if (!row) throw new Error('media insert returned no row');
  return toView(row);
}

export async function listMedia(
  db: Database,
  workspaceId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<MediaView>> {
  const conditions = [eq(mediaAssets.workspaceId, workspaceId)];
  if (page.cursor !== undefined) {
    const seq = Number(decodeCursor(page.cursor));
    if (!Number.isSafeInteger(seq)) throw AppError.validation('cursor', 'Not a cursor from this list.');
    conditions.push(lt(mediaAssets.seq, seq));
  }
  const rows = await db
    .select()
    .from(mediaAssets)
    .where(and(...conditions))
    .orderBy(desc(mediaAssets.seq))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(toView),
    nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(String(last.seq)) : null,
  };
}

export async function updateMedia(
  db: Database,
  workspaceId: string,
  mediaId: string,
  changes: { altText?: string | null; aiGenerated?: boolean },
): Promise<MediaView> {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) {
    const [current] = await db
      .select()
      .from(mediaAssets)
      .where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, mediaId)));
    if (current === undefined) throw AppError.notFound('media file');
    return toView(current);
  }
  const [row] = await db
    .update(mediaAssets)
    .set(set)
    .where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, mediaId)))
    .returning();
  if (row === undefined) throw AppError.notFound('media file');
  return toView(row);
}

/** For the public media URL: the file and its type, found by id only (the signature was checked). */
export async function findMediaFile(
  db: Database,
  mediaId: string,
): Promise<{ storageKey: string; mimeType: string } | undefined> {
  const [row] = await db
    .select({ storageKey: mediaAssets.storageKey, mimeType: mediaAssets.mimeType })
    .from(mediaAssets)
    .where(eq(mediaAssets.id, mediaId));
  return row;
}
