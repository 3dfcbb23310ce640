/**
 * What a job needs besides its request: the character's look (with the variation over it), its seed,
 * its consented reference images read from the media store, its voice, and a video's first image.
 */
import { and, eq } from 'drizzle-orm';
import type { CharacterVoice } from '@plume/db/schema/media';
import { characters, characterVariations, mediaAssets } from '@plume/db/schema/media';
import type { Database } from '@plume/db/client';
import type { InputImage } from '@plume/media/providers/media-provider-contract';
import type { MediaStore } from '../media-store.ts';
import { referenceImagesOf } from '../characters/character-references.ts';
import { lookWithVariation, type CharacterLook } from './build-prompt.ts';
import type { GenerationRow } from './generation-views.ts';

export type GenerationContext = {
  look?: CharacterLook;
  characterSeed?: number;
  referenceImages: InputImage[];
  referenceStrength?: number;
  voice?: CharacterVoice;
  /** Image-to-video: the vault image to animate. */
  firstFrame?: InputImage;
};

export async function loadGenerationContext(
  deps: { db: Database; media: MediaStore },
  row: GenerationRow,
): Promise<GenerationContext> {
  const context: GenerationContext = { referenceImages: [] };
  const imageMediaId = row.request['imageMediaId'];
  if (typeof imageMediaId === 'string') {
    const [image] = await deps.db
      .select({ storageKey: mediaAssets.storageKey, mimeType: mediaAssets.mimeType })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.workspaceId, row.workspaceId), eq(mediaAssets.id, imageMediaId)));
    if (image !== undefined)
      context.firstFrame = { bytes: await deps.media.read(image.storageKey), mimeType: image.mimeType };
  }
  if (row.characterId === null) return context;
  const [character] = await deps.db.select().from(characters).where(eq(characters.id, row.characterId));
  if (character === undefined) return context;
  const [variation] =
    row.variationId === null
      ? []
      : await deps.db.select().from(characterVariations).where(eq(characterVariations.id, row.variationId));
  context.look = lookWithVariation(
    {
      name: character.name,
      description: character.description,
      appearance: character.appearance,
      style: character.style,
    },
    variation,
  );
  if (character.seed !== null) context.characterSeed = character.seed;
  context.referenceStrength = character.referenceStrength;
  if (character.voice !== null) context.voice = character.voice;
  for (const reference of await referenceImagesOf(deps.db, character.id))
    context.referenceImages.push({ bytes: await deps.media.read(reference.storageKey), mimeType: reference.mimeType });
  return context;
}
