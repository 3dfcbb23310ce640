/**
 * Characters (seed 004 FR-003): a consistent look for generated images and video and a voice, with
 * reference images (a real person's only with a recorded consent) and saved variations.
 */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { timestamp, type Wire } from '../wire.ts';
import { IMAGE_STYLES } from './media-enums.ts';

const attribute = z.string().trim().max(300).optional();

export const characterAppearanceSchema = z.strictObject({
  age: attribute,
  hair: attribute,
  eyes: attribute,
  skinTone: attribute,
  bodyType: attribute,
  clothing: attribute,
  setting: attribute,
  aesthetics: attribute,
  /** Free words added to every prompt for this character. */
  extra: z.string().trim().max(1000).optional(),
});

export const characterVoiceSchema = z.strictObject({
  provider: z.string().trim().min(1).max(100).optional(),
  model: z.string().trim().min(1).max(200).optional(),
  voice: z.string().trim().min(1).max(100),
  speed: z.number().min(0.25).max(4).optional(),
});

const name = z.string().trim().min(1, 'Give the character a name.').max(100);

export const createCharacterBody = z.strictObject({
  name,
  description: z.string().trim().max(2000).default(''),
  appearance: characterAppearanceSchema.default({}),
  style: z.enum(IMAGE_STYLES).nullable().optional(),
  /** Without one, a seed is drawn so the same prompt keeps giving the same face. */
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  referenceStrength: z.number().min(0).max(1).default(0.6),
  voice: characterVoiceSchema.nullable().optional(),
});
export type CreateCharacterInput = z.infer<typeof createCharacterBody>;

export const updateCharacterBody = z.strictObject({
  name: name.optional(),
  description: z.string().trim().max(2000).optional(),
  appearance: characterAppearanceSchema.optional(),
  style: z.enum(IMAGE_STYLES).nullable().optional(),
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  referenceStrength: z.number().min(0).max(1).optional(),
  voice: characterVoiceSchema.nullable().optional(),
});
export type UpdateCharacterInput = z.infer<typeof updateCharacterBody>;

export const characterReferenceSchema = z.object({
  id: z.string(),
  mediaId: z.string(),
  depictsRealPerson: z.boolean(),
  consentGivenBy: z.string().nullable(),
  consentStatement: z.string().nullable(),
  consentRecordedBy: z.string().nullable(),
  consentRecordedAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const characterVariationSchema = z.object({
  id: z.string(),
  name: z.string(),
  appearance: characterAppearanceSchema,
  style: z.string().nullable(),
  previewMediaId: z.string().nullable(),
  createdAt: timestamp,
});

export const characterSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  appearance: characterAppearanceSchema,
  style: z.string().nullable(),
  seed: z.number().nullable(),
  referenceStrength: z.number(),
  voice: characterVoiceSchema.nullable(),
  previewMediaId: z.string().nullable(),
  references: z.array(characterReferenceSchema),
  variations: z.array(characterVariationSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Character = Wire<typeof characterSchema>;
export type CharacterReference = Wire<typeof characterReferenceSchema>;
export type CharacterVariation = Wire<typeof characterVariationSchema>;

export const characterParams = z.object({ workspaceId: workspaceIdParam, characterId: z.uuid() });
export const characterReferenceParams = characterParams.extend({ referenceId: z.uuid() });
export const characterVariationParams = characterParams.extend({ variationId: z.uuid() });

/**
 * A vault image as a reference. One that shows a real person needs who consented and what they
 * consented to: Plume records who entered it and when (product rule: no likeness without consent).
 */
export const addCharacterReferenceBody = z
  .strictObject({
    mediaId: z.uuid(),
    depictsRealPerson: z.boolean(),
    consentGivenBy: z.string().trim().min(2).max(200).optional(),
    consentStatement: z.string().trim().min(10).max(2000).optional(),
  })
  .superRefine((body, context) => {
    if (!body.depictsRealPerson) return;
    if (body.consentGivenBy === undefined)
      context.addIssue({
        code: 'custom',
        path: ['consentGivenBy'],
        message: 'This image shows a real person: enter the name of the person who gave consent.',
      });
    if (body.consentStatement === undefined)
      context.addIssue({
        code: 'custom',
        path: ['consentStatement'],
        message: 'This image shows a real person: write what they consented to (at least 10 characters).',
      });
  });

export const createVariationBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the variation a name.').max(100),
  appearance: characterAppearanceSchema.default({}),
  style: z.enum(IMAGE_STYLES).nullable().optional(),
});

export const characterPreviewBody = z.strictObject({
  /** Preview a saved variation instead of the base look. */
  variationId: z.uuid().optional(),
  /** What the preview shows (default: a neutral portrait). */
  prompt: z.string().trim().min(3).max(500).optional(),
});
