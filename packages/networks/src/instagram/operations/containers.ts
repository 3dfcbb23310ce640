/**
 * Instagram publishes in two steps: a media container is created from a public URL, Instagram
 * downloads and processes it, then the container is published. Carousels are containers made of
 * item containers. We wait for each container's `status_code` to be FINISHED before going on.
 * https://developers.facebook.com/docs/instagram-platform/content-publishing
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container
 */
import { z } from 'zod';
import type { NetworkContext, PublishMedia, TokenSet } from '../../contract.ts';
import { Permanent, Retryable } from '../../provider-errors.ts';
import { instagramCall } from '../client.ts';
import type { InstagramSettings } from '../manifest.ts';

const createdSchema = z.looseObject({ id: z.coerce.string().min(1) });
const statusSchema = z.looseObject({ status_code: z.string().optional(), status: z.string().optional() });

/** How long we wait for Instagram to process media (Meta suggests checking for up to 5 minutes). */
export const CONTAINER_WAIT = { firstDelayMs: 500, maxDelayMs: 15_000, timeoutMs: 5 * 60_000 };

/** Builds the container for this post and returns its id once Instagram has finished processing it. */
export async function prepareContainer(
  context: NetworkContext,
  tokens: TokenSet,
  igUserId: string,
  caption: string,
  media: readonly PublishMedia[],
  settings: InstagramSettings,
): Promise<string> {
  const [single] = media;
  if (single === undefined) throw new Permanent('Instagram needs at least one image or video.');
  if (settings.placement === 'story') {
    // Stories take no caption.
    const fields = single.kind === 'video' ? { video_url: single.publicUrl } : { image_url: single.publicUrl };
    return createAndWait(context, tokens, igUserId, { media_type: 'STORIES', ...fields });
  }
  if (media.length === 1) {
    const fields =
      single.kind === 'video'
        ? { media_type: 'REELS', video_url: single.publicUrl, share_to_feed: settings.shareReelToFeed }
        : { image_url: single.publicUrl, ...altText(single) };
    return createAndWait(context, tokens, igUserId, { ...fields, caption });
  }
  const children: string[] = [];
  for (const item of media) {
    const fields =
      item.kind === 'video'
        ? { media_type: 'VIDEO', video_url: item.publicUrl }
        : { image_url: item.publicUrl, ...altText(item) };
    children.push(await createAndWait(context, tokens, igUserId, { ...fields, is_carousel_item: true }));
  }
  return createAndWait(context, tokens, igUserId, { media_type: 'CAROUSEL', children: children.join(','), caption });
}

function altText(media: PublishMedia): { alt_text?: string } {
  return media.altText ? { alt_text: media.altText } : {};
}

async function createAndWait(
  context: NetworkContext,
  tokens: TokenSet,
  igUserId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const { id } = await instagramCall(context, tokens, `/${igUserId}/media`, {
    method: 'POST',
    body,
    schema: createdSchema,
    what: 'prepare the media',
  });
  await waitUntilFinished(context, tokens, id);
  return id;
}

async function waitUntilFinished(context: NetworkContext, tokens: TokenSet, containerId: string): Promise<void> {
  const deadline = Date.now() + CONTAINER_WAIT.timeoutMs;
  for (let delay = CONTAINER_WAIT.firstDelayMs; ; delay = Math.min(delay * 2, CONTAINER_WAIT.maxDelayMs)) {
    const container = await instagramCall(context, tokens, `/${containerId}?fields=status_code,status`, {
      schema: statusSchema,
      what: 'check the media processing',
    });
    switch (container.status_code) {
      case 'FINISHED':
      case 'PUBLISHED':
        return;
      case 'ERROR':
        throw new Permanent(
          `Instagram could not process the media${container.status ? ` (${container.status})` : ''}.`,
        );
      case 'EXPIRED':
        throw new Retryable('The Instagram media container expired before it was published; the post was not created.');
      default:
        if (Date.now() + delay > deadline)
          throw new Retryable('Instagram is still processing the media; the post was not created yet.');
        await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
