/**
 * A character's preview: one square image of its look (or a variation's) in its style, made by an
 * ordinary image job whose result the job then stores as the preview.
 */
import type { ImageStyle } from '@plume/contract/media/media-enums';
import { IMAGE_STYLES } from '@plume/contract/media/media-enums';
import type { Database } from '@plume/db/client';
import { createGeneration } from '../generation/create-generation.ts';
import type { GenerationView } from '../generation/generation-views.ts';
import { findVariation } from './character-variations.ts';
import { findCharacterRow } from './character-views.ts';

export const DEFAULT_PREVIEW_PROMPT = 'A portrait of the character looking at the camera, plain light background';

const asStyle = (style: string | null): ImageStyle | undefined => IMAGE_STYLES.find((item) => item === style);

export async function startCharacterPreview(
  db: Database,
  input: {
    workspaceId: string;
    characterId: string;
    userId: string | null;
    body: { variationId?: string | undefined; prompt?: string | undefined };
  },
): Promise<GenerationView> {
  const character = await findCharacterRow(db, input.workspaceId, input.characterId);
  const variation =
    input.body.variationId === undefined
      ? undefined
      : await findVariation(db, character.id, input.body.variationId, 'body/variationId');
  const style = asStyle(variation?.style ?? null) ?? asStyle(character.style);
  return createGeneration(db, {
    workspaceId: input.workspaceId,
    userId: input.userId,
    body: {
      kind: 'image',
      prompt: input.body.prompt ?? DEFAULT_PREVIEW_PROMPT,
      aspectRatio: '1:1',
      count: 1,
      characterId: character.id,
      ...(style === undefined ? {} : { style }),
      ...(variation === undefined ? {} : { variationId: variation.id }),
    },
    previewOf: { characterId: character.id, ...(variation === undefined ? {} : { variationId: variation.id }) },
  });
}
