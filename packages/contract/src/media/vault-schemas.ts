/** The media vault: every file of a workspace with where it came from, whether it may be used, and where it is. */
import { z } from 'zod';
import { paginationQuery, workspaceIdParam } from '../common-schemas.ts';
import { MEDIA_KINDS } from '../networks/network-enums.ts';
import { POST_STATES } from '../posts/post-states.ts';
import type { Wire } from '../wire.ts';
import { MEDIA_APPROVALS, MEDIA_SOURCES } from './media-enums.ts';
import { mediaSchema } from './media-schemas.ts';

/** A tag: lower-case words, digits, `-` and `_` (what the search and the filter match exactly). */
export const mediaTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+( [\p{L}\p{N}_-]+)*$/u, 'Use letters, digits, spaces, - and _ in a tag.');

export const MEDIA_USAGES = ['used', 'unused'] as const;

export const vaultQuery = paginationQuery.extend({
  kind: z.enum(MEDIA_KINDS).optional(),
  source: z.enum(MEDIA_SOURCES).optional(),
  approval: z.enum(MEDIA_APPROVALS).optional(),
  usage: z.enum(MEDIA_USAGES).optional(),
  characterId: z.uuid().optional(),
  collectionId: z.uuid().optional(),
  tag: mediaTag.optional(),
  /** Words found in the file name, alt text, AI prompt or tags. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Added at or after / before these instants (the web sends the workspace's day bounds). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const provenanceSummary = z.object({
  provider: z.string().nullable(),
  model: z.string().nullable(),
  prompt: z.string().nullable(),
  style: z.string().nullable(),
  costMicros: z.number().nullable(),
  templateId: z.string().nullable(),
});

export const vaultItemSchema = mediaSchema.extend({
  source: z.enum(MEDIA_SOURCES),
  approval: z.enum(MEDIA_APPROVALS),
  tags: z.array(z.string()),
  characterId: z.string().nullable(),
  sha256: z.string(),
  collections: z.array(z.object({ id: z.string(), name: z.string() })),
  provenance: provenanceSummary.nullable(),
  /** How many posts use it (their content, thread parts or a network's override). */
  usedIn: z.number(),
  /** Where the signed-in web app reads the file (same-origin, the caller's session). */
  fileUrl: z.string(),
});

export const vaultUsageSchema = z.object({
  postId: z.string(),
  state: z.enum(POST_STATES),
  scheduledAt: z.string().nullable(),
  excerpt: z.string(),
});

export const vaultItemDetailSchema = vaultItemSchema.extend({ usage: z.array(vaultUsageSchema) });

export const updateTagsBody = z.strictObject({ tags: z.array(mediaTag).max(30) });

export const mediaIdList = z.array(z.uuid()).min(1).max(200);

export const VAULT_BATCH_ACTIONS = ['approve', 'reject', 'delete'] as const;

export const vaultBatchBody = z.strictObject({ action: z.enum(VAULT_BATCH_ACTIONS), mediaIds: mediaIdList });

export const vaultBatchResultSchema = z.object({
  results: z.array(
    z.object({
      mediaId: z.string(),
      ok: z.boolean(),
      /** Why this item was left as it was, in plain words. */
      reason: z.string().nullable(),
    }),
  ),
});

export const archiveQuery = z.object({
  /** Comma-separated media ids, up to 100. */
  ids: z
    .string()
    .min(36)
    .max(100 * 37)
    .regex(/^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/, 'Give media ids separated by commas.'),
});

export const duplicateGroupsSchema = z.object({
  groups: z.array(z.object({ sha256: z.string(), bytes: z.number(), items: z.array(vaultItemSchema) })),
});

const storageLine = z.object({ bytes: z.number(), count: z.number() });

export const storageUseSchema = z.object({
  bytes: z.number(),
  count: z.number(),
  byKind: z.array(storageLine.extend({ kind: z.enum(MEDIA_KINDS) })),
  bySource: z.array(storageLine.extend({ source: z.enum(MEDIA_SOURCES) })),
});

export const collectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number(),
  createdAt: z.string(),
});

export const collectionParams = z.object({ workspaceId: workspaceIdParam, collectionId: z.uuid() });
export const collectionItemParams = collectionParams.extend({ mediaId: z.uuid() });

export const collectionBody = z.strictObject({ name: z.string().trim().min(1).max(80) });
export const collectionItemsBody = z.strictObject({ mediaIds: mediaIdList });

export type VaultQuery = z.infer<typeof vaultQuery>;
export type VaultItem = Wire<typeof vaultItemSchema>;
export type VaultItemDetail = Wire<typeof vaultItemDetailSchema>;
export type VaultBatchResult = Wire<typeof vaultBatchResultSchema>;
export type StorageUse = Wire<typeof storageUseSchema>;
export type MediaCollection = Wire<typeof collectionSchema>;
export type DuplicateGroups = Wire<typeof duplicateGroupsSchema>;

/** An upload's answer: the item, and whether the same bytes were in the vault already (then nothing new was stored). */
export const uploadedSchema = vaultItemSchema.extend({ duplicate: z.boolean() });
export type UploadedMedia = Wire<typeof uploadedSchema>;
