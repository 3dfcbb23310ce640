import { z } from 'zod';
import { languageTagSchema } from '@plume/core/content/brand-profile';
import { storedProfileSchema } from '@plume/core/content/brand-profile-store';
import { CRITERION_IDS } from '@plume/core/content/criterion';
import { revisionEditSchema } from '@plume/core/content/edit-revision';
import { REWRITE_ACTIONS } from '@plume/core/content/rewrite-actions';
import { templateOverrideSchema } from '@plume/core/content/template-override';
import { CONTENT_TYPES, TEMPLATE_PLACEHOLDERS } from '@plume/core/content/templates';
import { NETWORK_IDS } from '@plume/networks/contract';
import { workspaceIdParam } from '../../lib/common-schemas.ts';

export const draftParams = z.object({ workspaceId: workspaceIdParam, draftId: z.uuid() });
export const revisionParams = draftParams.extend({ revisionId: z.uuid() });
export const templateParams = z.object({ workspaceId: workspaceIdParam, contentType: z.enum(CONTENT_TYPES) });

// Brand profile
export const brandProfileBody = storedProfileSchema;

export const brandProfileResponse = z.object({
  profile: z
    .object({
      kind: z.enum(['brand', 'persona']),
      brand: z.record(z.string(), z.unknown()),
      persona: z.record(z.string(), z.unknown()).nullable(),
      updatedAt: z.date(),
    })
    .nullable(),
  hint: z.string().nullable().describe('What to do next when there is no profile yet'),
});

const qualitySchema = z.object({
  score: z.number().describe('0–100'),
  criteria: z.array(z.object({ id: z.enum(CRITERION_IDS), score: z.number().nullable(), weight: z.number(), reason: z.string() })),
});

const measured = {
  count: z.number().describe("The post's length as its network counts it, hashtags included"),
  limit: z.number(),
  fits: z.boolean(),
};

const sampleSchema = z.object({
  text: z.string(),
  title: z.string().optional().describe("On networks with a separate title (YouTube, Reddit, Pinterest, TikTok), within the network's title limit"),
  thread: z.array(z.string()).describe('Further thread parts after `text`, each within the limit; empty on networks without threads'),
  hashtags: z.array(z.string()),
  cta: z.string().optional(),
  altText: z.string().optional(),
  ...measured,
  repaired: z.string().optional().describe('How the text was brought within the limit: dropped_hashtags, trimmed_sentence, trimmed_clause, trimmed_word, rewritten_shorter, needs_rewrite'),
  quality: qualitySchema,
});

const usageSchema = z.object({
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

export const previewResponse = z.object({ network: z.string(), sample: sampleSchema, usage: usageSchema, warnings: z.array(z.string()) });

// Templates
export const templateSchema = z.object({
  contentType: z.enum(CONTENT_TYPES),
  name: z.string(),
  description: z.string(),
  skeleton: z.string(),
  required: z.array(z.enum(TEMPLATE_PLACEHOLDERS)).readonly(),
  isOverridden: z.boolean().describe('true when the workspace changed the built-in template'),
});

export const templateBody = templateOverrideSchema.omit({ contentType: true });

// Generation
const targetSchema = z.union([z.enum(NETWORK_IDS), z.strictObject({ accountId: z.uuid() })]);

export const generateBody = z.strictObject({
  brief: z.strictObject({
    topic: z.string().trim().min(1).max(2000),
    keyPoints: z.array(z.string().trim().min(1).max(300)).max(10).optional(),
    cta: z.string().trim().min(1).max(200).optional(),
    contentType: z.enum(CONTENT_TYPES).optional().describe('Default: educational'),
    templateValues: z.partialRecord(z.enum(TEMPLATE_PLACEHOLDERS), z.string().trim().max(1000)).optional(),
  }),
  targets: z.array(targetSchema).min(1).max(14).describe('Network ids (e.g. "x") or { accountId } of the workspace\'s accounts'),
  variants: z.number().int().min(1).max(5),
  media: z.strictObject({ count: z.number().int().min(0).max(20), kinds: z.array(z.enum(['image', 'video', 'gif'])).max(20).default([]) }).optional(),
  language: languageTagSchema.optional().describe("BCP-47; default: the brand profile's language"),
});

export const generateResponse = z.object({
  draftId: z.string(),
  variants: z.array(z.object({ variant: z.number(), perNetwork: z.record(z.string(), sampleSchema.extend({ revisionId: z.string() })) })),
  usage: usageSchema,
  warnings: z.array(z.string()),
  disclosure: z.string().nullable().describe("A persona's AI disclosure, added as the last line of every post"),
});

// Drafts and revisions
export const revisionSchema = z.object({
  id: z.string(),
  seq: z.number(),
  variant: z.number(),
  network: z.string(),
  text: z.string(),
  title: z.string().nullable(),
  thread: z.array(z.string()).describe('Further thread parts after `text`'),
  hashtags: z.array(z.string()),
  cta: z.string().nullable(),
  altText: z.string().nullable(),
  source: z.string().describe('generated, rewrite:<action> or manual'),
  parentId: z.string().nullable(),
  count: z.number().nullable(),
  limit: z.number().nullable(),
  fits: z.boolean().nullable(),
  repaired: z.string().nullable(),
  warnings: z.array(z.string()).describe('Text, title or thread parts over a limit, or what generation shortened or left out'),
  quality: qualitySchema.nullable(),
  createdAt: z.date(),
});

const draftFields = {
  id: z.string(),
  brief: z.record(z.string(), z.unknown()),
  postId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
};

export const draftSchema = z.object({ ...draftFields, revisions: z.array(revisionSchema) });
export const draftListResponse = z.object({ items: z.array(z.object({ ...draftFields, revisionCount: z.number() })), nextCursor: z.string().nullable() });

export const rewriteBody = z.strictObject({
  action: z.enum(REWRITE_ACTIONS),
  language: z.string().trim().min(2).max(35).optional().describe('Required for translate (BCP-47)'),
});

export const editBody = revisionEditSchema;
export const editResponse = z.object({ revision: revisionSchema });

export const rewriteResponse = z.object({ revision: revisionSchema, usage: usageSchema });

export const acceptBody = z.strictObject({
  revisionIds: z.array(z.uuid()).min(1).max(14).describe('One revision per network'),
  accountIds: z.array(z.uuid()).min(1).max(50),
  postId: z.uuid().optional().describe('Put the texts into this existing post instead of creating one'),
});
