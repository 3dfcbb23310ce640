/**
 * Asking for a slideshow: the pictures and sound files are checked (this workspace's, the right kind,
 * usable: not rejected, AI items approved), then a generation row and its `render_slideshow` job are
 * written together. The worker renders it (`run-slideshow.ts`).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets, mediaGenerations } from '@plume/db/schema/media';
import type { CreateSlideshowInput, Slideshow } from '@plume/contract/media/slideshow-schemas';
import { AppError, type FieldError } from '@plume/errors/app-error';

export const RENDER_SLIDESHOW_JOB = 'render_slideshow';

type MediaRow = Pick<typeof mediaAssets.$inferSelect, 'id' | 'kind' | 'approval'>;

function usable(row: MediaRow | undefined, kind: 'image' | 'audio'): string | undefined {
  if (row === undefined) return 'No such media file in this workspace.';
  if (row.kind !== kind)
    return kind === 'image' ? 'A slide must be an image.' : 'Choose a sound file (MP3, M4A, WAV, Ogg).';
  if (row.approval === 'rejected') return 'This file was rejected in the vault; choose another.';
  if (row.approval === 'pending') return 'This AI file waits for approval in the vault; approve it first.';
  return undefined;
}

async function checkInputs(db: Database, workspaceId: string, input: CreateSlideshowInput): Promise<void> {
  const ids = [
    ...input.slides.map((slide) => slide.mediaId),
    ...(input.voiceOverMediaId === undefined ? [] : [input.voiceOverMediaId]),
    ...(input.music === undefined ? [] : [input.music.mediaId]),
  ];
  const rows = await db
    .select({ id: mediaAssets.id, kind: mediaAssets.kind, approval: mediaAssets.approval })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.workspaceId, workspaceId), inArray(mediaAssets.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const errors: FieldError[] = [];
  const check = (path: string, id: string, kind: 'image' | 'audio') => {
    const problem = usable(byId.get(id), kind);
    if (problem !== undefined) errors.push({ path, message: problem });
  };
  input.slides.forEach((slide, index) => check(`body/slides/${index}/mediaId`, slide.mediaId, 'image'));
  if (input.voiceOverMediaId !== undefined) check('body/voiceOverMediaId', input.voiceOverMediaId, 'audio');
  if (input.music !== undefined) check('body/music/mediaId', input.music.mediaId, 'audio');
  if (errors.length > 0)
    throw new AppError('validation_failed', {
      detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      errors,
    });
}

export function slideshowView(row: typeof mediaGenerations.$inferSelect): Slideshow {
  return {
    id: row.id,
    state: row.state,
    progress: row.progress,
    resultMediaIds: row.resultMediaIds,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function startSlideshow(
  db: Database,
  input: { workspaceId: string; userId: string | null; request: CreateSlideshowInput },
): Promise<Slideshow> {
  await checkInputs(db, input.workspaceId, input.request);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaGenerations)
      .values({ workspaceId: input.workspaceId, kind: 'slideshow', request: input.request, createdBy: input.userId })
      .returning();
    if (row === undefined) throw new Error('generation insert returned no row');
    await tx.execute(sql`
      SELECT graphile_worker.add_job(${RENDER_SLIDESHOW_JOB}, json_build_object('generationId', ${row.id}::text),
        job_key => ${`slideshow:${row.id}`}, max_attempts => 3)`);
    return slideshowView(row);
  });
}

/** A slideshow of this workspace (another workspace's reads as not found). */
export async function getSlideshow(db: Database, workspaceId: string, generationId: string): Promise<Slideshow> {
  const [row] = await db
    .select()
    .from(mediaGenerations)
    .where(
      and(
        eq(mediaGenerations.workspaceId, workspaceId),
        eq(mediaGenerations.id, generationId),
        eq(mediaGenerations.kind, 'slideshow'),
      ),
    );
  if (row === undefined) throw AppError.notFound('slideshow');
  return slideshowView(row);
}
