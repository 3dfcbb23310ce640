/**
 * Puts a video Plume made (a slideshow, a rendition) into the vault: the file in the media store, a
 * media_assets row with what ffprobe measured and where it came from (provenance).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Database, Tx } from '@plume/db/client';
import { mediaAssets, type MediaProvenance } from '@plume/db/schema/media';
import type { MediaSource } from '@plume/contract/media/media-enums';
import type { ProbedMedia } from '@plume/media/video/probe-media';
import type { MediaStore } from '../media-store.ts';

export type MadeVideo = {
  workspaceId: string;
  userId: string | null;
  fileName: string;
  bytes: Uint8Array;
  probe: ProbedMedia;
  source: MediaSource;
  aiGenerated: boolean;
  provenance: MediaProvenance;
  tags?: string[];
};

/** Writes the file, then the row (in `tx` when given); returns the new row. */
export async function storeMadeVideo(
  deps: { db: Database | Tx; media: MediaStore },
  video: MadeVideo,
): Promise<typeof mediaAssets.$inferSelect> {
  const id = randomUUID();
  const storageKey = `${video.workspaceId.replace(/[^\w-]/g, '_')}/${id}`;
  await deps.media.put(storageKey, video.bytes);
  const [row] = await deps.db
    .insert(mediaAssets)
    .values({
      id,
      workspaceId: video.workspaceId,
      kind: 'video',
      mimeType: 'video/mp4',
      bytes: video.bytes.length,
      width: video.probe.width,
      height: video.probe.height,
      durationSec: video.probe.durationSec,
      videoCodec: video.probe.videoCodec,
      audioCodec: video.probe.audioCodec,
      fileName: video.fileName,
      storageKey,
      sha256: createHash('sha256').update(video.bytes).digest('hex'),
      aiGenerated: video.aiGenerated,
      source: video.source,
      approval: 'approved',
      tags: video.tags ?? [],
      provenance: video.provenance,
      createdBy: video.userId,
    })
    .returning();
  if (row === undefined) throw new Error('media insert returned no row');
  return row;
}
