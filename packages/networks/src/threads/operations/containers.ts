/**
 * Threads media containers (developers.facebook.com/docs/threads/posts, …/troubleshooting):
 * POST /{user-id}/threads creates a TEXT, IMAGE, VIDEO or CAROUSEL container (carousel items first,
 * with `is_carousel_item=true`); Threads fetches `image_url` / `video_url` itself. Before publishing
 * we wait until GET /{container-id}?fields=status,error_message says FINISHED.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia, PublishPart } from '../../contract.ts';
import { Permanent, Retryable } from '../../provider-errors.ts';
import { threadsGet, threadsPost } from '../client.ts';

const createdSchema = z.looseObject({ id: z.string().min(1) });
const statusSchema = z.looseObject({
  id: z.string().optional(),
  status: z.string().optional(),
  error_message: z.string().optional(),
});

/** Checks after 0 s, 1 s, 2 s, 5 s, 10 s, 30 s, then once a minute; Threads advises at most 5 minutes. */
const CHECK_DELAYS_MS = [0, 1000, 2000, 5000, 10_000, 30_000];
const CHECK_EVERY_MS = 60_000;
const PROCESSING_BUDGET_MS = 5 * 60 * 1000;

const processingErrors: Record<string, string> = {
  FAILED_DOWNLOADING_VIDEO: 'Threads could not download the video. Its address must be reachable from the internet.',
  FAILED_PROCESSING_AUDIO: 'Threads could not process the video’s sound (use AAC, mono or stereo).',
  FAILED_PROCESSING_VIDEO: 'Threads could not process the video (use H.264 or HEVC in MP4 or MOV).',
  INVALID_ASPEC_RATIO: 'Threads refused the video’s aspect ratio (it must be between 0.01:1 and 10:1).',
  INVALID_BIT_RATE: 'Threads refused the video’s bit rate (at most 25 Mbps).',
  INVALID_DURATION: 'Threads refused the video’s length (at most 5 minutes).',
  INVALID_FRAME_RATE: 'Threads refused the video’s frame rate (23 to 60 frames per second).',
  INVALID_AUDIO_CHANNELS: 'Threads refused the video’s sound (mono or stereo only).',
  INVALID_AUDIO_CHANNEL_LAYOUT: 'Threads refused the video’s sound channel layout.',
};

export interface ContainerOptions {
  replyTo: string | undefined;
  replyControl: string;
}

function mediaFields(media: PublishMedia): Record<string, string> {
  const fields: Record<string, string> =
    media.kind === 'video'
      ? { media_type: 'VIDEO', video_url: media.publicUrl }
      : { media_type: 'IMAGE', image_url: media.publicUrl };
  const altText = media.altText?.trim();
  if (altText) fields['alt_text'] = altText;
  return fields;
}

async function createContainer(
  context: NetworkContext,
  account: AccountAuth,
  fields: Record<string, string>,
): Promise<string> {
  const created = await threadsPost(
    context,
    account.tokens.accessToken,
    `/${encodeURIComponent(account.externalId)}/threads`,
    fields,
    createdSchema,
    'prepare the post',
  );
  return created.id;
}

/** Creates the container for one part (items first for a carousel) and waits until it can be published. */
export async function prepareContainer(
  context: NetworkContext,
  account: AccountAuth,
  part: PublishPart,
  options: ContainerOptions,
): Promise<string> {
  const fields: Record<string, string> = {};
  if (part.media.length === 0) fields['media_type'] = 'TEXT';
  else if (part.media.length === 1 && part.media[0] !== undefined) Object.assign(fields, mediaFields(part.media[0]));
  else {
    const children: string[] = [];
    for (const media of part.media) {
      const child = await createContainer(context, account, { ...mediaFields(media), is_carousel_item: 'true' });
      await waitUntilReady(context, account, child);
      children.push(child);
    }
    Object.assign(fields, { media_type: 'CAROUSEL', children: children.join(',') });
  }
  if (part.text.trim() !== '') fields['text'] = part.text;
  if (options.replyTo !== undefined) fields['reply_to_id'] = options.replyTo;
  if (options.replyControl !== 'everyone') fields['reply_control'] = options.replyControl;
  const id = await createContainer(context, account, fields);
  if (part.media.length > 0) await waitUntilReady(context, account, id);
  return id;
}

/** Polls the container status until FINISHED; ERROR is Permanent, EXPIRED and slowness Retryable. */
async function waitUntilReady(context: NetworkContext, account: AccountAuth, containerId: string): Promise<void> {
  const deadline = Date.now() + PROCESSING_BUDGET_MS;
  for (let attempt = 0; ; attempt += 1) {
    await sleep(CHECK_DELAYS_MS[attempt] ?? CHECK_EVERY_MS);
    const container = await threadsGet(
      context,
      account.tokens.accessToken,
      `/${encodeURIComponent(containerId)}`,
      { fields: 'status,error_message' },
      statusSchema,
      'check the media processing',
    );
    if (container.status === 'FINISHED' || container.status === 'PUBLISHED' || container.status === undefined) return;
    if (container.status === 'ERROR') {
      const code = container.error_message ?? 'UNKNOWN';
      throw new Permanent(processingErrors[code] ?? `Threads could not process the media (${code}).`, {
        vendorCode: code,
      });
    }
    if (container.status === 'EXPIRED')
      throw new Retryable('The Threads upload expired before it was published; the post was not created.');
    if (Date.now() > deadline)
      throw new Retryable('Threads took too long to process the media; the post was not created.');
  }
}
