/**
 * Images for a Bluesky post: each file goes up with com.atproto.repo.uploadBlob (raw bytes, the
 * image's Content-Type) and comes back as a blob reference; the post then embeds them with
 * `app.bsky.embed.images` (up to 4, each ≤ 1,000,000 bytes, alt text required, may be empty).
 * Docs: docs.bsky.app/docs/advanced-guides/posts#images-embeds
 */
import { z } from 'zod';
import type { NetworkContext, PublishMedia } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { xrpcProcedure } from '../client.ts';
import { BLUESKY_IMAGE_BYTES, BLUESKY_MAX_IMAGES } from '../manifest.ts';

/** A blob reference as the PDS returns it; it goes into the record unchanged. */
export const blobSchema = z.looseObject({
  $type: z.literal('blob'),
  ref: z.looseObject({ $link: z.string().min(1) }),
  mimeType: z.string(),
  size: z.number(),
});

export type BlobRef = z.infer<typeof blobSchema>;

const uploadedSchema = z.looseObject({ blob: blobSchema });

export interface ImagesEmbed {
  $type: 'app.bsky.embed.images';
  images: { image: BlobRef; alt: string; aspectRatio?: { width: number; height: number } }[];
}

/** Uploads bytes as a blob on the account's PDS. */
export async function uploadBlob(
  context: NetworkContext,
  repo: { base: string; token: string },
  data: Uint8Array,
  contentType: string,
): Promise<BlobRef> {
  const uploaded = await xrpcProcedure(context, {
    base: repo.base,
    nsid: 'com.atproto.repo.uploadBlob',
    token: repo.token,
    bytes: { data, contentType },
    schema: uploadedSchema,
    what: 'upload an image',
  });
  return uploaded.blob;
}

/** Uploads a part's images in order and returns the embed, or undefined for a part without media. */
export async function uploadImages(
  context: NetworkContext,
  repo: { base: string; token: string },
  media: readonly PublishMedia[],
): Promise<ImagesEmbed | undefined> {
  if (media.length === 0) return undefined;
  if (media.length > BLUESKY_MAX_IMAGES)
    throw new Permanent(`A Bluesky post can have at most ${BLUESKY_MAX_IMAGES} images.`);
  const images: ImagesEmbed['images'] = [];
  for (const item of media) {
    if (item.kind === 'video') throw new Permanent('Plume does not post videos to Bluesky yet; use images.');
    if (item.bytes > BLUESKY_IMAGE_BYTES) {
      throw new Permanent(
        `"${item.fileName}" is ${(item.bytes / 1_000_000).toFixed(1)} MB; Bluesky accepts images up to 1 MB.`,
      );
    }
    const blob = await uploadBlob(context, repo, await item.read(), item.mimeType);
    const hasSize = item.width !== undefined && item.height !== undefined && item.width > 0 && item.height > 0;
    images.push({
      image: blob,
      alt: item.altText ?? '',
      ...(hasSize ? { aspectRatio: { width: item.width ?? 0, height: item.height ?? 0 } } : {}),
    });
  }
  return { $type: 'app.bsky.embed.images', images };
}
