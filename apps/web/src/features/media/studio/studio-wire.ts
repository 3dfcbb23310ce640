/**
 * The studio's view of the generation API. While wip/generation's contract is not merged these are
 * read through permissive schemas here; once it is, they come from @plume/contract/media.
 */
import { z } from 'zod';
import { GENERATION_KINDS, GENERATION_STATES, MEDIA_APPROVALS } from '@plume/contract/media/media-enums';

export const studioMediaSchema = z.object({
  id: z.string(),
  kind: z.string(),
  mimeType: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  fileName: z.string(),
  altText: z.string().nullable(),
  aiGenerated: z.boolean(),
  approval: z.enum(MEDIA_APPROVALS),
  url: z.string().optional(),
  provenance: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const generationSchema = z.object({
  id: z.string(),
  kind: z.enum(GENERATION_KINDS),
  state: z.enum(GENERATION_STATES),
  progress: z.number(),
  request: z.record(z.string(), z.unknown()),
  characterId: z.string().nullable(),
  variationId: z.string().nullable(),
  resultMediaIds: z.array(z.string()),
  results: z.array(studioMediaSchema).optional(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  costMicros: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type StudioMedia = z.input<typeof studioMediaSchema>;
export type Generation = z.input<typeof generationSchema>;
