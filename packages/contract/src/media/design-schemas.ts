/**
 * Template designs (a template, its fields and shape, saved to render again), the template list, the
 * live preview and a render's answer. A design's `fields` are checked against its template's schema
 * (`templateFieldSchemas` in template-fields.ts) by the server, so a mismatch is a 400 at `body/fields/…`.
 */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import type { Wire } from '../wire.ts';
import { brandOverridesSchema } from './brand-kit-schemas.ts';
import { ASPECT_RATIOS, TEMPLATE_IDS } from './media-enums.ts';
import { mediaSchema } from './media-schemas.ts';
import { MAX_CAROUSEL_SLIDES, TEMPLATE_FIELD_KINDS } from './template-fields.ts';

const fieldsRecord = z
  .record(z.string().max(40), z.unknown())
  .describe("The template's fields (see GET /media/templates)");

export const templateParams = z.object({ workspaceId: workspaceIdParam, templateId: z.enum(TEMPLATE_IDS) });
export const designParams = z.object({ workspaceId: workspaceIdParam, designId: z.uuid() });

export const templateSummarySchema = z.object({
  id: z.enum(TEMPLATE_IDS),
  name: z.string(),
  description: z.string(),
  multiSlide: z.boolean(),
  fields: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      kind: z.enum(TEMPLATE_FIELD_KINDS),
      required: z.boolean(),
      maxLength: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
  ),
  shapes: z.array(
    z.object({ aspectRatio: z.enum(ASPECT_RATIOS), width: z.number(), height: z.number(), label: z.string() }),
  ),
});

export const previewBody = z.strictObject({
  aspectRatio: z.enum(ASPECT_RATIOS),
  fields: fieldsRecord,
  brand: brandOverridesSchema.optional(),
  /** A carousel's slide to show (0-based); other templates have one. */
  slide: z
    .number()
    .int()
    .min(0)
    .max(MAX_CAROUSEL_SLIDES - 1)
    .optional(),
});

export const designSchema = z.object({
  id: z.string(),
  name: z.string(),
  templateId: z.enum(TEMPLATE_IDS),
  aspectRatio: z.enum(ASPECT_RATIOS),
  fields: z.record(z.string(), z.unknown()),
  brand: brandOverridesSchema.nullable(),
  /** The last render's vault items, in slide order. */
  renderedMediaIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createDesignBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  templateId: z.enum(TEMPLATE_IDS),
  aspectRatio: z.enum(ASPECT_RATIOS),
  fields: fieldsRecord,
  brand: brandOverridesSchema.optional(),
});

export const updateDesignBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  aspectRatio: z.enum(ASPECT_RATIOS).optional(),
  fields: fieldsRecord.optional(),
  brand: brandOverridesSchema.nullable().optional(),
});

/** A render: the new vault items in slide order (attach them to a post in this order). */
export const renderDesignResponse = z.object({ design: designSchema, media: z.array(mediaSchema) });

export type TemplateSummary = Wire<typeof templateSummarySchema>;
export type Design = Wire<typeof designSchema>;
export type CreateDesign = Wire<typeof createDesignBody>;
export type UpdateDesign = Wire<typeof updateDesignBody>;
export type PreviewRequest = Wire<typeof previewBody>;
export type RenderDesignResult = Wire<typeof renderDesignResponse>;
