/** Drafts of the content studio and their revisions (generated, rewritten, edited by a person). */
import { z } from 'zod';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import { timestamp, type Wire } from '../wire.ts';
import { REPAIRS, REWRITE_ACTIONS } from './content-enums.ts';
import { qualitySchema, usageSchema } from './content-schemas.ts';

export const revisionSourceSchema = z
  .union([z.enum(['generated', 'manual']), z.templateLiteral(['rewrite:', z.enum(REWRITE_ACTIONS)])])
  .describe('generated, rewrite:<action> or manual');

export const revisionSchema = z.object({
  id: z.string(),
  seq: z.number(),
  variant: z.number(),
  network: z.enum(NETWORK_IDS),
  text: z.string(),
  title: z.string().nullable(),
  thread: z.array(z.string()).describe('Further thread parts after `text`'),
  hashtags: z.array(z.string()),
  cta: z.string().nullable(),
  altText: z.string().nullable(),
  source: revisionSourceSchema,
  parentId: z.string().nullable(),
  count: z.number().nullable(),
  limit: z.number().nullable(),
  fits: z.boolean().nullable(),
  repaired: z.enum(REPAIRS).nullable(),
  warnings: z
    .array(z.string())
    .describe('Text, title or thread parts over a limit, or what generation shortened or left out'),
  quality: qualitySchema.nullable(),
  createdAt: timestamp,
});

const draftFields = {
  id: z.string(),
  brief: z.record(z.string(), z.unknown()),
  postId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const draftSchema = z.object({ ...draftFields, revisions: z.array(revisionSchema) });
export const draftListItemSchema = z.object({ ...draftFields, revisionCount: z.number() });
export const draftListResponse = z.object({ items: z.array(draftListItemSchema), nextCursor: z.string().nullable() });

export const rewriteBody = z.strictObject({
  action: z.enum(REWRITE_ACTIONS),
  language: z.string().trim().min(2).max(35).optional().describe('Required for translate (BCP-47)'),
});

const part = z.string().trim().min(1).max(40_000);

/** A person's edit of a revision; a field left out keeps the parent's value (`title: null` removes it). */
export const revisionEditSchema = z.strictObject({
  text: part,
  hashtags: z
    .array(
      z
        .string()
        .trim()
        .max(100)
        .regex(/^#?[\p{L}\p{N}_]+$/u, 'A hashtag is letters, digits and underscores, with or without #'),
    )
    .max(30)
    .optional(),
  title: z.string().trim().min(1).max(300).nullable().optional(),
  thread: z.array(part).max(50).optional(),
});

export const editResponse = z.object({ revision: revisionSchema });

export const rewriteResponse = z.object({ revision: revisionSchema, usage: usageSchema });

export const acceptBody = z.strictObject({
  revisionIds: z.array(z.uuid()).min(1).max(14).describe('One revision per network'),
  accountIds: z.array(z.uuid()).min(1).max(50),
  postId: z.uuid().optional().describe('Put the texts into this existing post instead of creating one'),
});

export type RevisionView = Wire<typeof revisionSchema>;
export type Draft = Wire<typeof draftSchema>;
export type DraftListItem = Wire<typeof draftListItemSchema>;
export type DraftListResponse = Wire<typeof draftListResponse>;
export type RevisionEditBody = Wire<typeof revisionEditSchema>;
export type RewriteBody = Wire<typeof rewriteBody>;
