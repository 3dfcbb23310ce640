/**
 * A vault item as the studio shows a result. Read through this permissive schema until the vault's
 * contract (wip/vault: `vaultItemDetailSchema`, GET /media/:mediaId) is merged.
 */
import { z } from 'zod';
import { MEDIA_APPROVALS } from '@plume/contract/media/media-enums';

export const studioMediaSchema = z.object({
  id: z.string(),
  kind: z.string(),
  mimeType: z.string(),
  fileName: z.string(),
  altText: z.string().nullable(),
  aiGenerated: z.boolean(),
  approval: z.enum(MEDIA_APPROVALS),
  fileUrl: z.string().optional(),
  provenance: z
    .object({
      provider: z.string().nullable(),
      model: z.string().nullable(),
      prompt: z.string().nullable(),
      style: z.string().nullable(),
      costMicros: z.number().nullable(),
    })
    .nullable(),
});

export type StudioMedia = z.input<typeof studioMediaSchema>;
