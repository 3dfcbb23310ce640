/** Saved variations of a character's look (another outfit, setting or style). */
import { and, eq } from 'drizzle-orm';
import type { CharacterAppearance } from '@plume/db/schema/media';
import type { Database } from '@plume/db/client';
import { characterVariations } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { refuseExplicit } from '../safety/check-prompt-safety.ts';
import { findCharacterRow, toVariationView, type CharacterVariationView } from './character-views.ts';

export async function addCharacterVariation(
  db: Database,
  input: {
    workspaceId: string;
    characterId: string;
    body: { name: string; appearance: CharacterAppearance; style?: string | null | undefined };
  },
): Promise<CharacterVariationView> {
  await findCharacterRow(db, input.workspaceId, input.characterId);
  for (const [field, value] of Object.entries(input.body.appearance)) refuseExplicit(value, `body/appearance/${field}`);
  const [row] = await db
    .insert(characterVariations)
    .values({
      characterId: input.characterId,
      name: input.body.name,
      appearance: input.body.appearance,
      style: input.body.style ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (row === undefined)
    throw new AppError('conflict', {
      detail: `The character already has a variation named "${input.body.name}".`,
      errors: [{ path: 'body/name', message: 'Another variation has this name.' }],
    });
  return toVariationView(row);
}

export async function removeCharacterVariation(
  db: Database,
  input: { workspaceId: string; characterId: string; variationId: string },
): Promise<void> {
  await findCharacterRow(db, input.workspaceId, input.characterId);
  const deleted = await db
    .delete(characterVariations)
    .where(and(eq(characterVariations.characterId, input.characterId), eq(characterVariations.id, input.variationId)))
    .returning({ id: characterVariations.id });
  if (deleted.length === 0) throw AppError.notFound('variation');
}

/** A variation of this character, or a 400 at the field (a variation id from elsewhere is a wrong input). */
export async function findVariation(
  db: Database,
  characterId: string,
  variationId: string,
  path: string,
): Promise<typeof characterVariations.$inferSelect> {
  const [row] = await db
    .select()
    .from(characterVariations)
    .where(and(eq(characterVariations.characterId, characterId), eq(characterVariations.id, variationId)));
  if (row === undefined) throw AppError.validation(path, 'This character has no variation with this id.');
  return row;
}
