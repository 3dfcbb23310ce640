/**
 * A character's reference images, from the vault. One that shows a real person is kept only with the
 * consent recorded: who gave it and to what (from the request), who entered it and when (Plume). The
 * database refuses a real person's reference without them (`character_references_consent`).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { characterReferences, mediaAssets } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { findCharacterRow, toReferenceView, type CharacterReferenceView } from './character-views.ts';

export type AddReferenceInput = {
  mediaId: string;
  depictsRealPerson: boolean;
  consentGivenBy?: string | undefined;
  consentStatement?: string | undefined;
};

export async function addCharacterReference(
  db: Database,
  input: { workspaceId: string; characterId: string; userId: string | null; body: AddReferenceInput },
): Promise<CharacterReferenceView> {
  const { body } = input;
  await findCharacterRow(db, input.workspaceId, input.characterId);
  const [media] = await db
    .select({ kind: mediaAssets.kind })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.workspaceId, input.workspaceId), eq(mediaAssets.id, body.mediaId)));
  if (media === undefined) throw AppError.validation('body/mediaId', 'No image with this id in the media library.');
  if (media.kind !== 'image') throw AppError.validation('body/mediaId', 'A reference must be an image.');
  const consent = body.depictsRealPerson
    ? {
        consentGivenBy: body.consentGivenBy ?? null,
        consentStatement: body.consentStatement ?? null,
        consentRecordedBy: input.userId,
        consentRecordedAt: new Date(),
      }
    : {};
  const [row] = await db
    .insert(characterReferences)
    .values({
      characterId: input.characterId,
      workspaceId: input.workspaceId,
      mediaId: body.mediaId,
      depictsRealPerson: body.depictsRealPerson,
      ...consent,
    })
    .onConflictDoNothing()
    .returning();
  if (row === undefined)
    throw new AppError('conflict', {
      detail: 'This image is already a reference of the character.',
      errors: [{ path: 'body/mediaId', message: 'Already a reference of this character.' }],
    });
  return toReferenceView(row);
}

export async function removeCharacterReference(
  db: Database,
  input: { workspaceId: string; characterId: string; referenceId: string },
): Promise<void> {
  const deleted = await db
    .delete(characterReferences)
    .where(
      and(
        eq(characterReferences.workspaceId, input.workspaceId),
        eq(characterReferences.characterId, input.characterId),
        eq(characterReferences.id, input.referenceId),
      ),
    )
    .returning({ id: characterReferences.id });
  if (deleted.length === 0) throw AppError.notFound('reference');
}

/** The references sent with a generation: the media rows (storage keys) of the character's images. */
export async function referenceImagesOf(
  db: Database,
  characterId: string,
): Promise<{ storageKey: string; mimeType: string }[]> {
  return db
    .select({ storageKey: mediaAssets.storageKey, mimeType: mediaAssets.mimeType })
    .from(characterReferences)
    .innerJoin(mediaAssets, eq(mediaAssets.id, characterReferences.mediaId))
    .where(eq(characterReferences.characterId, characterId))
    .orderBy(characterReferences.createdAt)
    .limit(4);
}
