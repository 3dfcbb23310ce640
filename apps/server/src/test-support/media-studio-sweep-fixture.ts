/**
 * The media studio's part of the route sweep: a character with a reference and a variation, a second
 * character the sweep may delete, and a queued generation (no worker runs in the sweep, so it stays
 * queued and cancelling it succeeds).
 */
import type { Database } from '@plume/db/client';
import { characterReferences, characters, characterVariations, mediaGenerations } from '@plume/db/schema/media';
import type { RouteExample } from './route-sweep.ts';

export type MediaStudioSweep = {
  characterId: string;
  referenceId: string;
  variationId: string;
  generationId: string;
  doomedCharacterId: string;
};

export async function insertMediaStudioSweep(
  db: Database,
  workspaceId: string,
  mediaId: string,
): Promise<MediaStudioSweep> {
  const [character, doomed] = await db
    .insert(characters)
    .values([
      { workspaceId, name: 'Sweep character', seed: 42 },
      { workspaceId, name: 'Sweep character to delete', seed: 43 },
    ])
    .returning({ id: characters.id });
  const [reference] = await db
    .insert(characterReferences)
    .values({ characterId: character?.id ?? '', workspaceId, mediaId, depictsRealPerson: false })
    .returning({ id: characterReferences.id });
  const [variation] = await db
    .insert(characterVariations)
    .values({ characterId: character?.id ?? '', name: 'Sweep look', appearance: { clothing: 'a raincoat' } })
    .returning({ id: characterVariations.id });
  const [generation] = await db
    .insert(mediaGenerations)
    .values({ workspaceId, kind: 'image', request: { kind: 'image', prompt: 'A sweep image', count: 1 } })
    .returning({ id: mediaGenerations.id });
  return {
    characterId: character?.id ?? '',
    doomedCharacterId: doomed?.id ?? '',
    referenceId: reference?.id ?? '',
    variationId: variation?.id ?? '',
    generationId: generation?.id ?? '',
  };
}

const characterPath = '/api/v1/workspaces/{workspaceId}/media/characters/{characterId}';

export function mediaStudioExample(key: string, sweep: MediaStudioSweep, mediaId: string): RouteExample | undefined {
  if (key === 'POST /api/v1/workspaces/{workspaceId}/media/generations')
    return { body: { kind: 'image', prompt: 'A lighthouse at dawn', count: 1 } };
  if (key === `DELETE ${characterPath}`) return { params: { characterId: sweep.doomedCharacterId } };
  if (key === `POST ${characterPath}/references`) return { body: { mediaId, depictsRealPerson: false } };
  if (key === `POST ${characterPath}/variations`) return { body: { name: 'Sweep look 2' } };
  if (key === 'POST /api/v1/workspaces/{workspaceId}/media/characters') return { body: { name: 'Sweep character 3' } };
  return undefined;
}
