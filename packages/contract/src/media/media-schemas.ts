/** Uploaded media files. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { MEDIA_KINDS } from '../networks/network-enums.ts';
import type { Wire } from '../wire.ts';

export const mediaSchema = z.object({
  id: z.string(),
  kind: z.enum(MEDIA_KINDS),
  mimeType: z.string(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationSec: z.number().nullable(),
  fileName: z.string(),
  altText: z.string().nullable(),
  aiGenerated: z.boolean(),
  createdAt: z.string(),
});

export const mediaParams = z.object({ workspaceId: workspaceIdParam, mediaId: z.uuid() });

export const updateMediaBody = z.strictObject({
  altText: z.string().max(5000).nullable().optional(),
  aiGenerated: z.boolean().optional(),
});

export type Media = Wire<typeof mediaSchema>;
