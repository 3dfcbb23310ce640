/**
 * The job row's changes while the worker runs it. Every write after the claim is guarded by
 * `state = 'running'`, so a job cancelled meanwhile stays cancelled and keeps what it had made.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { characters, characterVariations, mediaGenerations } from '@plume/db/schema/media';
import type { GenerationRow } from './generation-views.ts';

const isRunning = (id: string) => and(eq(mediaGenerations.id, id), eq(mediaGenerations.state, 'running'));

/** Queued (or left running by a crashed worker) → running. Null: it is over (finished or cancelled). */
export async function claimGeneration(db: Database, id: string): Promise<GenerationRow | null> {
  const [row] = await db
    .update(mediaGenerations)
    .set({
      state: 'running',
      attempts: sql`${mediaGenerations.attempts} + 1`,
      startedAt: sql`coalesce(${mediaGenerations.startedAt}, now())`,
    })
    .where(and(eq(mediaGenerations.id, id), sql`${mediaGenerations.state} IN ('queued', 'running')`))
    .returning();
  return row ?? null;
}

export async function isStillRunning(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ state: mediaGenerations.state })
    .from(mediaGenerations)
    .where(eq(mediaGenerations.id, id));
  return row?.state === 'running';
}

export async function setProgress(db: Database, id: string, progress: number): Promise<void> {
  await db
    .update(mediaGenerations)
    .set({ progress: Math.min(1, Math.max(0, progress)) })
    .where(isRunning(id));
}

/** One call's facts: who answered, what it cost (added up over a batch). */
export async function recordCall(
  db: Database,
  id: string,
  facts: { provider: string; model: string; costMicros: number },
): Promise<void> {
  await db
    .update(mediaGenerations)
    .set({
      provider: facts.provider,
      model: facts.model,
      costMicros: sql`${mediaGenerations.costMicros} + ${facts.costMicros}`,
    })
    .where(eq(mediaGenerations.id, id));
}

export async function recordResult(db: Database, id: string, mediaId: string): Promise<void> {
  await db
    .update(mediaGenerations)
    .set({ resultMediaIds: sql`${mediaGenerations.resultMediaIds} || ${JSON.stringify([mediaId])}::jsonb` })
    .where(eq(mediaGenerations.id, id));
}

export async function recordDropped(db: Database, id: string, item: { index: number; reason: string }): Promise<void> {
  await db
    .update(mediaGenerations)
    .set({ dropped: sql`${mediaGenerations.dropped} || ${JSON.stringify([item])}::jsonb` })
    .where(eq(mediaGenerations.id, id));
}

export async function finishGeneration(
  db: Database,
  id: string,
  end: { state: 'succeeded' | 'failed'; error: string | null },
): Promise<void> {
  await db
    .update(mediaGenerations)
    .set({
      state: end.state,
      error: end.error,
      finishedAt: sql`now()`,
      ...(end.state === 'succeeded' ? { progress: 1 } : {}),
    })
    .where(isRunning(id));
}

/** A preview's image becomes the character's (or the variation's) preview. */
export async function storePreview(
  db: Database,
  target: { characterId: string; variationId?: string | undefined },
  mediaId: string,
): Promise<void> {
  if (target.variationId !== undefined)
    await db
      .update(characterVariations)
      .set({ previewMediaId: mediaId })
      .where(
        and(eq(characterVariations.id, target.variationId), eq(characterVariations.characterId, target.characterId)),
      );
  else
    await db
      .update(characters)
      .set({ previewMediaId: mediaId, updatedAt: sql`now()` })
      .where(eq(characters.id, target.characterId));
}
