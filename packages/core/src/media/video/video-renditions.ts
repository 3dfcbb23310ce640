/**
 * Before a video goes to a network that would not take it as it is (container, codecs, size, length,
 * shape), Plume publishes a rendition instead (`@plume/contract/media/video-conform`): made once with
 * ffmpeg, kept in the vault linked to its source (provenance.sourceMediaIds, tag `rendition`) and
 * reused by every later post with the same plan. Called while the request is built, which the
 * dispatcher does ahead of the due time; nothing is sent to the network before it is ready.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import { renditionPlan, renditionReasons, type VideoRuleLike } from '@plume/contract/media/video-conform';
import { Permanent } from '@plume/networks/provider-errors';
import { VideoToolUnavailable } from '@plume/media/video/ffmpeg-binaries';
import { VideoToolFailed } from '@plume/media/video/run-ffmpeg';
import { CannotConform, transcodeForRule } from '@plume/media/video/transcode-video';
import type { MediaStore } from '../media-store.ts';
import { storeMadeVideo } from './store-video.ts';

type Row = typeof mediaAssets.$inferSelect;

async function findRendition(db: Pick<Database, 'select'>, source: Row, key: string): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(mediaAssets)
    .where(
      and(
        eq(mediaAssets.workspaceId, source.workspaceId),
        sql`${mediaAssets.provenance} -> 'sourceMediaIds' @> ${JSON.stringify([source.id])}::jsonb`,
        sql`${mediaAssets.provenance} -> 'settings' ->> 'rendition' = ${key}`,
      ),
    )
    .limit(1);
  return row;
}

function plainWords(error: unknown, network: string): Error {
  if (error instanceof CannotConform) return new Permanent(`${error.message} (${network})`);
  if (error instanceof VideoToolUnavailable)
    return new Permanent(`The video could not be converted for ${network}: ${error.message}`);
  if (error instanceof VideoToolFailed)
    return new Permanent(
      `The video could not be converted for ${network}: ffmpeg failed (${error.stderrTail || 'no detail'}).`,
    );
  return error instanceof Error ? error : new Error(String(error));
}

/** The row to publish for this rule: the video itself when it conforms, else its (made or reused) rendition. */
export async function conformingVideo(
  deps: { db: Database; media: MediaStore },
  source: Row,
  rule: VideoRuleLike,
  network: string,
  allowTrim = false,
): Promise<Row> {
  if (source.kind !== 'video' || renditionReasons(source, rule).length === 0) return source;
  const plan = renditionPlan(source, rule, allowTrim);
  const existing = await findRendition(deps.db, source, plan.key);
  if (existing !== undefined && renditionReasons(existing, rule).length === 0) return existing;
  let made;
  try {
    made = await transcodeForRule(
      { bytes: await deps.media.read(source.storageKey), mimeType: source.mimeType },
      rule,
      allowTrim,
    );
  } catch (error) {
    throw plainWords(error, network);
  }
  return storeMadeVideo(deps, {
    workspaceId: source.workspaceId,
    userId: source.createdBy,
    fileName: `${source.fileName.replace(/\.[^.]*$/, '')}-${network.toLowerCase()}.mp4`.slice(0, 200),
    bytes: made.bytes,
    probe: made.probe,
    source: source.source,
    aiGenerated: source.aiGenerated,
    provenance: { ...source.provenance, sourceMediaIds: [source.id], settings: { rendition: plan.key } },
    tags: ['rendition'],
  });
}
