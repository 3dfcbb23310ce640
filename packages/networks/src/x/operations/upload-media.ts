/**
 * Uploads one media file to X before the post is created (docs.x.com/x-api/media):
 * images in one request (POST /2/media/upload), GIFs and videos in chunks (initialize, append,
 * finalize, then poll the status while X processes them). Alt text goes through
 * POST /2/media/metadata, which X supports for images and GIFs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia } from '../../contract.ts';
import { Permanent, Retryable } from '../../provider-errors.ts';
import { xJson } from '../client.ts';

/** X accepts up to 5 MB per APPEND; smaller chunks keep retries cheap. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** How long we wait for X to process a video before giving up (the post is not created yet). */
const PROCESSING_BUDGET_MS = 10 * 60 * 1000;
const MAX_CHECK_INTERVAL_MS = 30_000;

const processingSchema = z.looseObject({
  state: z.string(),
  check_after_secs: z.number().optional(),
  error: z.looseObject({ message: z.string().optional(), name: z.string().optional() }).optional(),
});

const mediaSchema = z.looseObject({
  data: z.looseObject({ id: z.string().min(1), processing_info: processingSchema.optional() }),
});

type Processing = z.infer<typeof processingSchema>;

/** Uploads `media` and returns X's media id, ready to attach to a post. */
export async function uploadXMedia(
  context: NetworkContext,
  account: AccountAuth,
  media: PublishMedia,
): Promise<string> {
  const bytes = await media.read();
  const id =
    media.kind === 'image'
      ? await uploadImage(context, account, media, bytes)
      : await uploadChunked(context, account, media, bytes);
  const altText = media.altText?.trim();
  if (altText && media.kind !== 'video') {
    await xJson(
      context,
      account.tokens,
      '/2/media/metadata',
      { method: 'POST', json: { id, metadata: { alt_text: { text: altText.slice(0, 1000) } } } },
      z.unknown(),
      'add alt text to the media',
    );
  }
  return id;
}

async function uploadImage(
  context: NetworkContext,
  account: AccountAuth,
  media: PublishMedia,
  bytes: Uint8Array,
): Promise<string> {
  const form = new FormData();
  form.set('media', new Blob([bytes.slice()], { type: media.mimeType }), media.fileName);
  form.set('media_category', 'tweet_image');
  const uploaded = await xJson(
    context,
    account.tokens,
    '/2/media/upload',
    { method: 'POST', form },
    mediaSchema,
    'upload the image',
  );
  await waitUntilProcessed(context, account, uploaded.data.id, uploaded.data.processing_info);
  return uploaded.data.id;
}

async function uploadChunked(
  context: NetworkContext,
  account: AccountAuth,
  media: PublishMedia,
  bytes: Uint8Array,
): Promise<string> {
  const category = media.kind === 'gif' ? 'tweet_gif' : 'tweet_video';
  const started = await xJson(
    context,
    account.tokens,
    '/2/media/upload/initialize',
    { method: 'POST', json: { media_type: media.mimeType, total_bytes: bytes.length, media_category: category } },
    mediaSchema,
    'start the media upload',
  );
  const id = started.data.id;
  const path = `/2/media/upload/${encodeURIComponent(id)}`;
  for (let offset = 0, segment = 0; offset < bytes.length; offset += CHUNK_BYTES, segment += 1) {
    const form = new FormData();
    form.set('segment_index', String(segment));
    form.set(
      'media',
      new Blob([bytes.slice(offset, offset + CHUNK_BYTES)], { type: 'application/octet-stream' }),
      media.fileName,
    );
    await xJson(
      context,
      account.tokens,
      `${path}/append`,
      { method: 'POST', form },
      z.unknown(),
      'upload part of the media',
    );
  }
  const finished = await xJson(
    context,
    account.tokens,
    `${path}/finalize`,
    { method: 'POST' },
    mediaSchema,
    'finish the media upload',
  );
  await waitUntilProcessed(context, account, finished.data.id, finished.data.processing_info);
  return finished.data.id;
}

/** Polls `GET /2/media/upload?command=STATUS` while X reports `pending` or `in_progress`. */
async function waitUntilProcessed(
  context: NetworkContext,
  account: AccountAuth,
  id: string,
  first: Processing | undefined,
): Promise<void> {
  const deadline = Date.now() + PROCESSING_BUDGET_MS;
  let processing = first;
  while (processing !== undefined && (processing.state === 'pending' || processing.state === 'in_progress')) {
    if (Date.now() > deadline) throw new Retryable('X took too long to process the media; the post was not created.');
    await sleep(Math.min(MAX_CHECK_INTERVAL_MS, Math.max(0, (processing.check_after_secs ?? 1) * 1000)));
    const status = await xJson(
      context,
      account.tokens,
      `/2/media/upload?media_id=${encodeURIComponent(id)}&command=STATUS`,
      { method: 'GET' },
      mediaSchema,
      'check the media processing',
    );
    processing = status.data.processing_info;
  }
  if (processing?.state === 'failed') {
    const detail = processing.error?.message ?? processing.error?.name;
    throw new Permanent(
      `X could not process the media file${detail ? `: ${detail}` : ''}. Check its format, size and length.`,
      {
        vendorCode: processing.error?.name ?? 'media-processing-failed',
      },
    );
  }
}
