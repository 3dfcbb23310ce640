/**
 * The `render_slideshow` job: reads the pictures and sound files from the media store, renders with
 * ffmpeg (`@plume/media/video/render-slideshow`), writes progress as it goes and puts the video in the
 * vault. Source `ai` (and aiGenerated) when any input is AI, `template` otherwise; provenance lists
 * every input. Safe to run again: a finished generation is left alone, one that was running restarts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets, mediaGenerations } from '@plume/db/schema/media';
import { ASPECT_SIZES } from '@plume/contract/media/media-enums';
import { createSlideshowBody, type CreateSlideshowInput } from '@plume/contract/media/slideshow-schemas';
import { DEFAULT_CAPTION_STYLE } from '@plume/media/video/caption-image';
import { VideoToolFailed } from '@plume/media/video/run-ffmpeg';
import { VideoToolUnavailable } from '@plume/media/video/ffmpeg-binaries';
import { renderSlideshow } from '@plume/media/video/render-slideshow';
import type { MediaStore } from '../media-store.ts';
import { storeMadeVideo } from './store-video.ts';

export type SlideshowDeps = { db: Database; media: MediaStore };
type Row = typeof mediaAssets.$inferSelect;

class MissingInput extends Error {}

/** Renders take both cores: one at a time per process, the rest wait their turn. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

function progressWriter(db: Database, id: string) {
  let written = 0;
  let at = 0;
  return (fraction: number) => {
    const now = Date.now();
    if (fraction < 1 && (fraction - written < 0.05 || now - at < 500)) return;
    written = fraction;
    at = now;
    void db
      .update(mediaGenerations)
      .set({ progress: Math.min(0.99, fraction) })
      .where(and(eq(mediaGenerations.id, id), eq(mediaGenerations.state, 'running')))
      .catch(() => undefined);
  };
}

function failureMessage(error: unknown): string {
  if (error instanceof VideoToolUnavailable) return error.message;
  if (error instanceof VideoToolFailed)
    return `ffmpeg could not render the slideshow (${error.stderrTail || 'no detail'}).`;
  if (error instanceof MissingInput || (error instanceof Error && error.message.startsWith('The voice-over')))
    return error.message;
  return 'The slideshow could not be rendered; try again.';
}

async function loadInputs(deps: SlideshowDeps, workspaceId: string, request: CreateSlideshowInput) {
  const ids = [
    ...request.slides.map((slide) => slide.mediaId),
    ...(request.voiceOverMediaId === undefined ? [] : [request.voiceOverMediaId]),
    ...(request.music === undefined ? [] : [request.music.mediaId]),
  ];
  const rows = await deps.db
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.workspaceId, workspaceId), inArray(mediaAssets.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const read = async (id: string): Promise<{ row: Row; bytes: Uint8Array }> => {
    const row = byId.get(id);
    if (row === undefined) throw new MissingInput('A file of this slideshow was deleted from the vault.');
    return { row, bytes: await deps.media.read(row.storageKey) };
  };
  return { read, rows };
}

async function render(deps: SlideshowDeps, generation: typeof mediaGenerations.$inferSelect): Promise<string> {
  const request = createSlideshowBody.parse(generation.request);
  const { read, rows } = await loadInputs(deps, generation.workspaceId, request);
  const slides = await Promise.all(
    request.slides.map(async (slide) => ({
      image: (await read(slide.mediaId)).bytes,
      durationSec: slide.durationSec,
      ...(slide.caption === undefined ? {} : { caption: slide.caption }),
    })),
  );
  const voice = request.voiceOverMediaId === undefined ? undefined : await read(request.voiceOverMediaId);
  const music = request.music === undefined ? undefined : await read(request.music.mediaId);
  const size = ASPECT_SIZES[request.aspectRatio];
  const output = await oneAtATime(() =>
    renderSlideshow({
      slides,
      transition: request.transition,
      width: size.width,
      height: size.height,
      captionStyle: { ...DEFAULT_CAPTION_STYLE, font: request.captionFont },
      ...(voice === undefined ? {} : { voiceOver: voice.bytes }),
      ...(music === undefined ? {} : { music: { bytes: music.bytes, volume: request.music?.volume ?? 0.25 } }),
      onProgress: progressWriter(deps.db, generation.id),
    }),
  );
  const ai = rows.some((row) => row.aiGenerated || row.source === 'ai');
  return deps.db.transaction(async (tx) => {
    const saved = await storeMadeVideo(
      { db: tx, media: deps.media },
      {
        workspaceId: generation.workspaceId,
        userId: generation.createdBy,
        fileName: `slideshow-${generation.id.slice(0, 8)}.mp4`,
        bytes: output.bytes,
        probe: output.probe,
        source: ai ? 'ai' : 'template',
        aiGenerated: ai,
        provenance: {
          generationId: generation.id,
          aspectRatio: request.aspectRatio,
          settings: { transition: request.transition, captionFont: request.captionFont, durations: output.durations },
          sourceMediaIds: rows.map((row) => row.id),
        },
        tags: ['slideshow'],
      },
    );
    await tx
      .update(mediaGenerations)
      .set({ state: 'succeeded', progress: 1, resultMediaIds: [saved.id], finishedAt: new Date(), error: null })
      .where(eq(mediaGenerations.id, generation.id));
    return saved.id;
  });
}

/** Runs one slideshow generation; returns its state afterwards. */
export async function runSlideshow(deps: SlideshowDeps, generationId: string): Promise<string> {
  const [generation] = await deps.db
    .update(mediaGenerations)
    .set({ state: 'running', startedAt: new Date(), progress: 0, attempts: sql`${mediaGenerations.attempts} + 1` })
    .where(and(eq(mediaGenerations.id, generationId), inArray(mediaGenerations.state, ['queued', 'running'])))
    .returning();
  if (generation === undefined || generation.kind !== 'slideshow') return 'skipped';
  try {
    await render(deps, generation);
    return 'succeeded';
  } catch (error) {
    await deps.db
      .update(mediaGenerations)
      .set({ state: 'failed', error: failureMessage(error), finishedAt: new Date() })
      .where(eq(mediaGenerations.id, generationId));
    return 'failed';
  }
}
