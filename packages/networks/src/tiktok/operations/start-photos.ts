/**
 * Starts a photo post: POST /v2/post/publish/content/init/ with media_type PHOTO
 * (developers.tiktok.com/doc/content-posting-api-reference-photo-post). Photos are only accepted as
 * PULL_FROM_URL from a domain verified for the app, so TikTok fetches each `publicUrl`; this call is
 * the create call. post_mode DIRECT_POST posts at once, MEDIA_UPLOAD sends the photos to the inbox.
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia } from '../../contract.ts';
import { tiktokRequest } from '../client.ts';
import type { TikTokSettings } from '../manifest.ts';
import type { CreatorInfo } from './creator-info.ts';

const initSchema = z.looseObject({ publish_id: z.string().min(1) });

export interface PhotoPostInput {
  photos: readonly PublishMedia[];
  title: string | undefined;
  description: string;
  settings: TikTokSettings;
  /** Present for Direct Post (read just before). */
  creator: CreatorInfo | undefined;
}

/** Creates the photo post; returns TikTok's publish_id. */
export async function startPhotoPost(
  context: NetworkContext,
  account: AccountAuth,
  input: PhotoPostInput,
): Promise<string> {
  const { settings, creator } = input;
  const direct = settings.mode === 'direct' && creator !== undefined;
  const text = {
    ...(input.title === undefined || input.title.length === 0 ? {} : { title: input.title }),
    ...(input.description.length === 0 ? {} : { description: input.description }),
  };
  const postInfo = direct
    ? {
        ...text,
        privacy_level: settings.privacy_level,
        disable_comment: settings.disable_comment || creator.comment_disabled,
        auto_add_music: settings.auto_add_music,
        brand_content_toggle: settings.brand_content_toggle,
        brand_organic_toggle: settings.brand_organic_toggle,
      }
    : text;
  const started = await tiktokRequest(context, account, {
    method: 'POST',
    path: '/v2/post/publish/content/init/',
    body: {
      media_type: 'PHOTO',
      post_mode: direct ? 'DIRECT_POST' : 'MEDIA_UPLOAD',
      post_info: postInfo,
      source_info: {
        source: 'PULL_FROM_URL',
        photo_cover_index: Math.min(settings.photo_cover_index, input.photos.length - 1),
        photo_images: input.photos.map((photo) => photo.publicUrl),
      },
    },
    data: initSchema,
    what: 'create the TikTok photo post',
    creates: true,
  });
  return started.publish_id;
}
