/**
 * Creates a Pin: POST /v5/pins (developers.pinterest.com/docs/api/v5/pins-create) with the board, title,
 * description, destination link, alt text and a media source — an uploaded image (image_base64) or its
 * URL (image_url), a carousel (multiple_image_base64 / multiple_image_urls, 2–5 images), or an uploaded
 * video (video_id, after /v5/media). The Pin's URL is https://www.pinterest.com/pin/<id>/.
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia, PublishRequest, PublishResult } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { pinterestPost } from '../client.ts';
import { pinterestSettingsSchema, type PinterestSettings } from '../manifest.ts';
import { readSettings } from '../../shared/read-settings.ts';
import { mediaIssues, settingsIssues } from '../validate.ts';
import { uploadPinVideo, type MediaPollOptions } from './upload-video.ts';

const pinSchema = z.looseObject({ id: z.string().min(1) });

/** Timing of the video processing wait; tests shorten it. */
export interface PinterestPublishOptions {
  mediaPoll: MediaPollOptions;
}

const BASE64_TYPES = new Set(['image/jpeg', 'image/png']);

async function imageSource(
  images: readonly PublishMedia[],
  settings: PinterestSettings,
): Promise<Record<string, unknown>> {
  // image_base64 takes JPEG and PNG only; anything else is fetched by Pinterest from its public URL.
  const upload = settings.image_source === 'upload' && images.every((image) => BASE64_TYPES.has(image.mimeType));
  if (!upload) {
    return images.length === 1
      ? { source_type: 'image_url', url: images[0]?.publicUrl }
      : { source_type: 'multiple_image_urls', items: images.map((image) => ({ url: image.publicUrl })) };
  }
  const encoded = await Promise.all(
    images.map(async (image) => ({
      content_type: image.mimeType,
      data: Buffer.from(await image.read()).toString('base64'),
    })),
  );
  return encoded.length === 1
    ? { source_type: 'image_base64', ...encoded[0] }
    : { source_type: 'multiple_image_base64', items: encoded };
}

function firstIssue(issues: readonly { message: string }[]): void {
  const issue = issues[0];
  if (issue !== undefined) throw new Permanent(issue.message);
}

/** Publishes the first part of the request as one Pin. */
export async function publishToPinterest(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
  options: PinterestPublishOptions,
): Promise<PublishResult> {
  const settings = readSettings('Pinterest', pinterestSettingsSchema, request.settings);
  const part = request.parts[0];
  firstIssue(settingsIssues(settings));
  firstIssue(mediaIssues(part.media));

  const video = part.media.find((item) => item.kind === 'video');
  const mediaSource =
    video === undefined
      ? await imageSource(part.media, settings)
      : {
          source_type: 'video_id',
          media_id: await uploadPinVideo(context, account, video, options.mediaPoll),
          ...(settings.cover_image_url === undefined
            ? { cover_image_key_frame_time: 0 }
            : { cover_image_url: settings.cover_image_url }),
        };
  const link = settings.link ?? request.link;
  const altText = part.media.length === 1 ? part.media[0]?.altText : undefined;
  const body = {
    board_id: settings.board_id,
    ...(settings.board_section_id === undefined ? {} : { board_section_id: settings.board_section_id }),
    ...(request.title === undefined || request.title.length === 0 ? {} : { title: request.title }),
    ...(part.text.length === 0 ? {} : { description: part.text }),
    ...(link === undefined || link.length === 0 ? {} : { link }),
    ...(altText === undefined || altText.length === 0 ? {} : { alt_text: altText }),
    ...(settings.dominant_color === undefined ? {} : { dominant_color: settings.dominant_color }),
    media_source: mediaSource,
  };
  const pin = await pinterestPost(
    context,
    account,
    '/pins',
    body,
    pinSchema,
    'create the Pin',
    'The chosen board (or section) was not found on this Pinterest account. Pick another board.',
  );
  return { remoteId: pin.id, url: `https://www.pinterest.com/pin/${encodeURIComponent(pin.id)}/`, extra: [] };
}
