/** The content studio: brand profile preview, templates, generation, drafts and revisions. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { MEDIA_KINDS, NETWORK_IDS } from '../networks/network-enums.ts';
import { timestamp, type Wire } from '../wire.ts';
import { languageTagSchema, storedProfileSchema } from './brand-profile.ts';
import { CONTENT_TYPES, CRITERION_IDS, REPAIRS, TEMPLATE_PLACEHOLDERS } from './content-enums.ts';

export const draftParams = z.object({ workspaceId: workspaceIdParam, draftId: z.uuid() });
export const revisionParams = draftParams.extend({ revisionId: z.uuid() });
export const templateParams = z.object({ workspaceId: workspaceIdParam, contentType: z.enum(CONTENT_TYPES) });

export const brandProfileBody = storedProfileSchema;

export const brandProfileResponse = z.object({
  profile: z
    .object({
      kind: z.enum(['brand', 'persona']),
      brand: z.record(z.string(), z.unknown()),
      persona: z.record(z.string(), z.unknown()).nullable(),
      updatedAt: timestamp,
    })
    .nullable(),
  hint: z.string().nullable().describe('What to do next when there is no profile yet'),
});

export const qualitySchema = z.object({
  score: z.number().describe('0–100'),
  criteria: z.array(
    z.object({ id: z.enum(CRITERION_IDS), score: z.number().nullable(), weight: z.number(), reason: z.string() }),
  ),
});

const repaired = z.enum(REPAIRS).describe('How the text was brought within the limit');

export const sampleSchema = z.object({
  text: z.string(),
  title: z
    .string()
    .optional()
    .describe(
      "On networks with a separate title (YouTube, Reddit, Pinterest, TikTok), within the network's title limit",
    ),
  thread: z
    .array(z.string())
    .describe('Further thread parts after `text`, each within the limit; empty on networks without threads'),
  hashtags: z.array(z.string()),
  cta: z.string().optional(),
  altText: z.string().optional(),
  count: z.number().describe("The post's length as its network counts it, hashtags included"),
  limit: z.number(),
  fits: z.boolean(),
  repaired: repaired.optional(),
  quality: qualitySchema,
});

export const usageSchema = z.object({
  provider: z.string(),
  model: z.string(),
  costUsd: z.number(),
  calls: z.number().describe('Model calls made, re-asks and voice checks included'),
  chain: z.array(z.record(z.string(), z.unknown())),
});

export const previewBody = z.strictObject({
  network: z.enum(NETWORK_IDS).default('linkedin'),
  topic: z.string().trim().min(1).max(500).optional(),
  profile: storedProfileSchema.optional().describe('Preview a profile being edited instead of the saved one'),
});

export const previewResponse = z.object({
  network: z.enum(NETWORK_IDS),
  sample: sampleSchema,
  usage: usageSchema,
  warnings: z.array(z.string()),
});

export const templateSchema = z.object({
  contentType: z.enum(CONTENT_TYPES),
  name: z.string(),
  description: z.string(),
  skeleton: z.string(),
  required: z.array(z.enum(TEMPLATE_PLACEHOLDERS)).readonly(),
  isOverridden: z.boolean().describe('true when the workspace changed the built-in template'),
});

/** A workspace's change to a built-in template: only the given fields replace the built-in ones. */
export const templateOverrideSchema = z.strictObject({
  contentType: z.enum(CONTENT_TYPES),
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().min(1).max(300).optional(),
  skeleton: z.string().trim().min(1).max(4000).optional(),
  required: z.array(z.enum(TEMPLATE_PLACEHOLDERS)).max(TEMPLATE_PLACEHOLDERS.length).optional(),
});

export const templateBody = templateOverrideSchema.omit({ contentType: true });

const targetSchema = z.union([z.enum(NETWORK_IDS), z.strictObject({ accountId: z.uuid() })]);

export const generateBody = z.strictObject({
  brief: z.strictObject({
    topic: z.string().trim().min(1).max(2000),
    keyPoints: z.array(z.string().trim().min(1).max(300)).max(10).optional(),
    cta: z.string().trim().min(1).max(200).optional(),
    contentType: z.enum(CONTENT_TYPES).optional().describe('Default: educational'),
    templateValues: z.partialRecord(z.enum(TEMPLATE_PLACEHOLDERS), z.string().trim().max(1000)).optional(),
  }),
  targets: z
    .array(targetSchema)
    .min(1)
    .max(14)
    .describe('Network ids (e.g. "x") or { accountId } of the workspace\'s accounts'),
  variants: z.number().int().min(1).max(5),
  media: z
    .strictObject({ count: z.number().int().min(0).max(20), kinds: z.array(z.enum(MEDIA_KINDS)).max(20).default([]) })
    .optional(),
  language: languageTagSchema.optional().describe("BCP-47; default: the brand profile's language"),
});

export const generatedPostSchema = sampleSchema.extend({ revisionId: z.string() });

export const generateResponse = z.object({
  draftId: z.string(),
  variants: z.array(
    z.object({ variant: z.number(), perNetwork: z.partialRecord(z.enum(NETWORK_IDS), generatedPostSchema) }),
  ),
  usage: usageSchema,
  warnings: z.array(z.string()),
  disclosure: z.string().nullable().describe("A persona's AI disclosure, added as the last line of every post"),
});

export type BrandProfileResponse = Wire<typeof brandProfileResponse>;
export type SaveProfileBody = Wire<typeof brandProfileBody>;
export type PreviewResponse = Wire<typeof previewResponse>;
export type Quality = Wire<typeof qualitySchema>;
export type ContentTemplateView = Wire<typeof templateSchema>;
export type TemplateBody = Wire<typeof templateBody>;
export type GenerateBody = Wire<typeof generateBody>;
export type GeneratedPost = Wire<typeof generatedPostSchema>;
export type GenerateResponse = Wire<typeof generateResponse>;
