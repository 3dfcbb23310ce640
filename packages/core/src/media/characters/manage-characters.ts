/**
 * Characters: create (a seed is drawn when none is given, so the same prompt keeps the same face),
 * change, list, delete. Deleting keeps the media made with it (`character_id` set null).
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CreateCharacterInput, UpdateCharacterInput } from '@plume/contract/media/character-schemas';
import type { Database } from '@plume/db/client';
import { characters } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { refuseExplicit } from '../safety/check-prompt-safety.ts';
import { characterViews, readCharacter, type CharacterView } from './character-views.ts';

/** A seed providers accept (32-bit unsigned; some take only 31 bits, so stay below 2^31). */
export function drawSeed(): number {
  return randomInt(0, 2_147_483_647);
}

/** The look's words are part of every prompt, so the explicit-content rule applies to them too. */
function refuseExplicitLook(input: Pick<UpdateCharacterInput, 'appearance' | 'description'>): void {
  refuseExplicit(input.description, 'body/description');
  for (const [field, value] of Object.entries(input.appearance ?? {}))
    refuseExplicit(value, `body/appearance/${field}`);
}

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  return typeof cause === 'object' && cause !== null && (cause as { code?: string }).code === '23505';
}

const nameTaken = (name: string) =>
  new AppError('conflict', {
    detail: `A character named "${name}" already exists in this workspace.`,
    errors: [{ path: 'body/name', message: 'Another character has this name.' }],
  });

export async function createCharacter(
  db: Database,
  input: { workspaceId: string; userId: string | null; body: CreateCharacterInput },
): Promise<CharacterView> {
  const { body } = input;
  refuseExplicitLook(body);
  try {
    const [row] = await db
      .insert(characters)
      .values({
        workspaceId: input.workspaceId,
        name: body.name,
        description: body.description,
        appearance: body.appearance,
        style: body.style ?? null,
        seed: body.seed ?? drawSeed(),
        referenceStrength: body.referenceStrength,
        voice: body.voice ?? null,
        createdBy: input.userId,
      })
      .returning({ id: characters.id });
    if (row === undefined) throw new Error('character insert returned no row');
    return readCharacter(db, input.workspaceId, row.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(body.name);
    throw error;
  }
}

export async function updateCharacter(
  db: Database,
  input: { workspaceId: string; characterId: string; body: UpdateCharacterInput },
): Promise<CharacterView> {
  const { body } = input;
  refuseExplicitLook(body);
  const set = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
  try {
    const [row] = await db
      .update(characters)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(characters.workspaceId, input.workspaceId), eq(characters.id, input.characterId)))
      .returning({ id: characters.id });
    if (row === undefined) throw AppError.notFound('character');
    return readCharacter(db, input.workspaceId, row.id);
  } catch (error) {
    if (isUniqueViolation(error) && body.name !== undefined) throw nameTaken(body.name);
    throw error;
  }
}

export async function listCharacters(db: Database, workspaceId: string): Promise<CharacterView[]> {
  const rows = await db
    .select()
    .from(characters)
    .where(eq(characters.workspaceId, workspaceId))
    .orderBy(asc(characters.name));
  return characterViews(db, rows);
}

/** Deletes a character, its references and variations; its media stay in the vault (character_id null). */
export async function deleteCharacter(db: Database, workspaceId: string, characterId: string): Promise<void> {
  const deleted = await db
    .delete(characters)
    .where(and(eq(characters.workspaceId, workspaceId), eq(characters.id, characterId)))
    .returning({ id: characters.id });
  if (deleted.length === 0) throw AppError.notFound('character');
}
