/**
 * Starting a generation: the request is checked (its character, variation and source image belong to
 * the workspace; the safety rules hold) before anything is queued, so a refused prompt never reaches a
 * provider. The job row and its `generate_media` job are written in one transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CreateGenerationInput } from '@plume/contract/media/generation-schemas';
import type { Database } from '@plume/db/client';
import { mediaAssets, mediaGenerations } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { findCharacterRow } from '../characters/character-views.ts';
import { findVariation } from '../characters/character-variations.ts';
import { checkPromptSafety } from '../safety/check-prompt-safety.ts';
import { readGeneration, type GenerationView } from './generation-views.ts';

export const GENERATE_MEDIA_JOB = 'generate_media';

/** Set on a preview's request: the job stores its image as the character's (or variation's) preview. */
export type PreviewTarget = { characterId: string; variationId?: string };

async function checkReferences(db: Database, workspaceId: string, body: CreateGenerationInput): Promise<void> {
  if (body.characterId !== undefined) {
    try {
      await findCharacterRow(db, workspaceId, body.characterId);
    } catch {
      throw AppError.validation('body/characterId', 'No character with this id in this workspace.');
    }
  }
  if (body.kind !== 'speech' && body.variationId !== undefined) {
    if (body.characterId === undefined)
      throw AppError.validation('body/variationId', 'Choose the character this variation belongs to.');
    await findVariation(db, body.characterId, body.variationId, 'body/variationId');
  }
  if (body.kind === 'video' && body.imageMediaId !== undefined) {
    const [image] = await db
      .select({ kind: mediaAssets.kind })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, body.imageMediaId)));
    if (image?.kind !== 'image')
      throw AppError.validation('body/imageMediaId', 'No image with this id in the media library.');
  }
}

export async function createGeneration(
  db: Database,
  input: { workspaceId: string; userId: string | null; body: CreateGenerationInput; previewOf?: PreviewTarget },
): Promise<GenerationView> {
  const { body } = input;
  await checkReferences(db, input.workspaceId, body);
  if (body.kind === 'speech') await checkPromptSafety(db, input.workspaceId, body.text, 'body/text');
  else await checkPromptSafety(db, input.workspaceId, body.prompt, 'body/prompt');
  const request: Record<string, unknown> = { ...body, ...(input.previewOf ? { previewOf: input.previewOf } : {}) };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaGenerations)
      .values({
        workspaceId: input.workspaceId,
        kind: body.kind,
        request,
        characterId: body.characterId ?? null,
        variationId: body.kind === 'speech' ? null : (body.variationId ?? null),
        createdBy: input.userId,
      })
      .returning({ id: mediaGenerations.id });
    if (row === undefined) throw new Error('generation insert returned no row');
    await tx.execute(sql`
      SELECT graphile_worker.add_job(${GENERATE_MEDIA_JOB}, json_build_object('generationId', ${row.id}::text),
        job_key => ${`generate-media:${row.id}`}, max_attempts => 3)`);
    return row.id;
  });
  return readGeneration(db, input.workspaceId, id);
}

/**
 * Cancels a job: a queued one never starts; a running one stops before its next image (or its video
 * poll) and keeps what it already put in the vault. A finished job is a 409.
 */
export async function cancelGeneration(
  db: Database,
  workspaceId: string,
  generationId: string,
): Promise<GenerationView> {
  const [row] = await db
    .update(mediaGenerations)
    .set({ state: 'cancelled', finishedAt: sql`now()`, error: 'Cancelled on request.' })
    .where(
      and(
        eq(mediaGenerations.workspaceId, workspaceId),
        eq(mediaGenerations.id, generationId),
        sql`${mediaGenerations.state} IN ('queued', 'running')`,
      ),
    )
    .returning({ id: mediaGenerations.id });
  if (row === undefined) {
    const current = await readGeneration(db, workspaceId, generationId);
    throw new AppError('invalid_state', { detail: `The generation has already ${current.state}.` });
  }
  return readGeneration(db, workspaceId, generationId);
}
