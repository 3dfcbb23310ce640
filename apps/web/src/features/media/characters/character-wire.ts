/**
 * The studio's view of the characters API. While wip/generation's contract is not merged these are
 * read through permissive schemas here; once it is, they come from @plume/contract/media.
 */
import { z } from 'zod';
import { studioMediaSchema } from '../studio/studio-wire.ts';

export const appearanceSchema = z.object({
  age: z.string().optional(),
  hair: z.string().optional(),
  eyes: z.string().optional(),
  skinTone: z.string().optional(),
  bodyType: z.string().optional(),
  clothing: z.string().optional(),
  setting: z.string().optional(),
  aesthetics: z.string().optional(),
  extra: z.string().optional(),
});

export const voiceSchema = z.object({
  provider: z.string().optional(),
  model: z.string().optional(),
  voice: z.string(),
  speed: z.number().optional(),
});

export const referenceSchema = z.object({
  id: z.string(),
  mediaId: z.string(),
  depictsRealPerson: z.boolean(),
  consentGivenBy: z.string().nullable(),
  consentStatement: z.string().nullable(),
  consentRecordedAt: z.string().nullable(),
  media: studioMediaSchema.optional(),
});

export const variationSchema = z.object({
  id: z.string(),
  name: z.string(),
  appearance: appearanceSchema,
  style: z.string().nullable(),
  previewMediaId: z.string().nullable(),
});

export const characterSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  appearance: appearanceSchema,
  style: z.string().nullable(),
  seed: z.number().nullable(),
  referenceStrength: z.number(),
  voice: voiceSchema.nullable(),
  previewMediaId: z.string().nullable(),
  references: z.array(referenceSchema).optional(),
  variations: z.array(variationSchema).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Appearance = z.input<typeof appearanceSchema>;
export type CharacterReference = z.input<typeof referenceSchema>;
export type CharacterVariation = z.input<typeof variationSchema>;
export type Character = z.input<typeof characterSchema>;
