/**
 * Video for a Pin (developers.pinterest.com/docs/api/v5/media-create, /media-get): register the
 * upload (POST /v5/media), POST the file as multipart form data to the returned `upload_url` with every
 * `upload_parameters` field first and the file last, then poll GET /v5/media/{id} until `succeeded`.
 * All of it comes before the Pin exists, so connection failures here are Retryable.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia } from '../../contract.ts';
import { Permanent, Retryable } from '../../provider-errors.ts';
import { callNoContent } from '../../shared/network-call.ts';
import { beforePinExists, pinterestGet, pinterestPost } from '../client.ts';
import { pinterestFailureMapping } from '../errors.ts';

const registeredSchema = z.looseObject({
  media_id: z.string().min(1),
  upload_url: z.string().min(1),
  upload_parameters: z.record(z.string(), z.string()).default({}),
});

const detailsSchema = z.looseObject({ media_id: z.string().optional(), status: z.string() });

export interface MediaPollOptions {
  intervalMs: number;
  maxWaitMs: number;
}

/** Uploads the video and waits until Pinterest has processed it; returns the media id. */
export async function uploadPinVideo(
  context: NetworkContext,
  account: AccountAuth,
  video: PublishMedia,
  poll: MediaPollOptions,
): Promise<string> {
  const bytes = await video.read();
  const registered = await beforePinExists('register the video with Pinterest', () =>
    pinterestPost(
      context,
      account,
      '/media',
      { media_type: 'video' },
      registeredSchema,
      'register the video with Pinterest',
    ),
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(registered.upload_parameters)) form.set(name, value);
  form.set('file', new Blob([bytes.slice()], { type: video.mimeType }), video.fileName);
  await beforePinExists('upload the video to Pinterest', () =>
    callNoContent(
      context.http,
      registered.upload_url,
      { method: 'POST', body: form },
      { ...pinterestFailureMapping, what: 'upload the video to Pinterest' },
    ),
  );
  await waitUntilProcessed(context, account, registered.media_id, poll);
  return registered.media_id;
}

async function waitUntilProcessed(
  context: NetworkContext,
  account: AccountAuth,
  mediaId: string,
  poll: MediaPollOptions,
): Promise<void> {
  const deadline = Date.now() + poll.maxWaitMs;
  for (;;) {
    const details = await beforePinExists('check the video processing', () =>
      pinterestGet(
        context,
        account,
        `/media/${encodeURIComponent(mediaId)}`,
        detailsSchema,
        'check the video processing on Pinterest',
      ),
    );
    if (details.status === 'succeeded') return;
    if (details.status === 'failed') {
      throw new Permanent(
        'Pinterest could not process the video. Use an MP4, MOV or M4V file (H.264) of 4 seconds to 15 minutes.',
      );
    }
    if (Date.now() + poll.intervalMs > deadline) {
      throw new Retryable('Pinterest is still processing the video; no Pin was created yet. It will be tried again.');
    }
    await sleep(poll.intervalMs);
  }
}
