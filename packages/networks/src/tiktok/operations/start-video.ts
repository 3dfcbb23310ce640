/**
 * Starts a video post: Direct Post (POST /v2/post/publish/video/init/ with post_info + source_info,
 * developers.tiktok.com/doc/content-posting-api-reference-direct-post) or an upload to the creator's
 * inbox (POST /v2/post/publish/inbox/video/init/, source_info only, -reference-upload-video). With
 * FILE_UPLOAD the bytes follow in chunks; with PULL_FROM_URL TikTok fetches `publicUrl` itself.
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia } from '../../contract.ts';
import { Retryable } from '../../provider-errors.ts';
import { beforePostExists, tiktokRequest } from '../client.ts';
import type { TikTokSettings } from '../manifest.ts';
import type { CreatorInfo } from './creator-info.ts';
import { planChunks, uploadChunks, type ChunkRules } from './upload-video.ts';

const initSchema = z.looseObject({ publish_id: z.string().min(1), upload_url: z.string().min(1).optional() });

export interface VideoPostInput {
  video: PublishMedia;
  caption: string;
  settings: TikTokSettings;
  /** Present for Direct Post (read just before). */
  creator: CreatorInfo | undefined;
}

/** What Direct Post sends as post_info; the creator's own "off" switches always win. */
function postInfo(input: VideoPostInput, creator: CreatorInfo): Record<string, unknown> {
  const { settings } = input;
  return {
    title: input.caption,
    privacy_level: settings.privacy_level,
    disable_comment: settings.disable_comment || creator.comment_disabled,
    disable_duet: settings.disable_duet || creator.duet_disabled,
    disable_stitch: settings.disable_stitch || creator.stitch_disabled,
    brand_content_toggle: settings.brand_content_toggle,
    brand_organic_toggle: settings.brand_organic_toggle,
    is_aigc: input.video.aiGenerated,
    ...(settings.video_cover_timestamp_ms === undefined
      ? {}
      : { video_cover_timestamp_ms: settings.video_cover_timestamp_ms }),
  };
}

/** Initializes the post (and uploads the file); returns TikTok's publish_id. */
export async function startVideoPost(
  context: NetworkContext,
  account: AccountAuth,
  input: VideoPostInput,
  chunkRules: ChunkRules,
): Promise<string> {
  const direct = input.settings.mode === 'direct' && input.creator !== undefined;
  const path = direct ? '/v2/post/publish/video/init/' : '/v2/post/publish/inbox/video/init/';
  const postFields = direct && input.creator !== undefined ? { post_info: postInfo(input, input.creator) } : {};

  if (input.settings.video_source === 'PULL_FROM_URL') {
    // TikTok starts fetching (and then publishing) as soon as it accepts this call: it is the create call.
    const started = await tiktokRequest(context, account, {
      method: 'POST',
      path,
      body: { ...postFields, source_info: { source: 'PULL_FROM_URL', video_url: input.video.publicUrl } },
      data: initSchema,
      what: 'create the TikTok post',
      creates: true,
    });
    return started.publish_id;
  }

  const bytes = await input.video.read();
  const plan = planChunks(bytes.byteLength, chunkRules);
  // Nothing can be published before the bytes arrive, so a lost answer here is safe to retry.
  const started = await beforePostExists('start the TikTok upload', () =>
    tiktokRequest(context, account, {
      method: 'POST',
      path,
      body: {
        ...postFields,
        source_info: {
          source: 'FILE_UPLOAD',
          video_size: plan.videoSize,
          chunk_size: plan.chunkSize,
          total_chunk_count: plan.totalChunkCount,
        },
      },
      data: initSchema,
      what: 'start the TikTok upload',
      creates: true,
    }),
  );
  if (started.upload_url === undefined)
    throw new Retryable('TikTok did not say where to upload the video; nothing was posted.');
  await uploadChunks(context, { uploadUrl: started.upload_url, bytes, mimeType: input.video.mimeType, plan });
  return started.publish_id;
}
