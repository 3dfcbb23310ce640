/**
 * Videos API upload: `initializeUpload` with the file size returns one upload URL per byte range
 * (4 MB parts for large files); each PUT answers with an ETag; `finalizeUpload` gets the ETags in
 * order. LinkedIn then processes the video; we wait until it is AVAILABLE before posting it.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 */
import { z } from 'zod';
import { discardBody } from '@plume/http/response-body';
import type { NetworkContext, PublishMedia, TokenSet } from '../../contract.ts';
import { Permanent, Retryable } from '../../provider-errors.ts';
import { beforeCreate, encodeUrn, linkedinRequest, readJson, restHeaders, restUrl } from '../client.ts';

const initializeSchema = z.looseObject({
  value: z.looseObject({
    video: z.string().startsWith('urn:li:video:'),
    uploadToken: z.string().default(''),
    uploadInstructions: z
      .array(z.looseObject({ uploadUrl: z.url(), firstByte: z.number().int(), lastByte: z.number().int() }))
      .min(1),
  }),
});

const statusSchema = z.looseObject({ status: z.string() });

/** How long we wait for LinkedIn to process a video before giving up (the post is not created yet). */
export const VIDEO_WAIT = { firstDelayMs: 500, maxDelayMs: 10_000, timeoutMs: 5 * 60_000 };

/** Uploads a video owned by `owner`, waits until LinkedIn can post it, and returns its `urn:li:video:…`. */
export async function uploadVideo(
  context: NetworkContext,
  tokens: TokenSet,
  owner: string,
  media: PublishMedia,
): Promise<string> {
  return beforeCreate('upload the video', async () => {
    const bytes = await media.read();
    const what = 'register a video upload';
    const response = await linkedinRequest(
      context,
      restUrl(context, '/videos?action=initializeUpload'),
      {
        method: 'POST',
        headers: restHeaders(tokens, { 'content-type': 'application/json' }),
        body: JSON.stringify({
          initializeUploadRequest: {
            owner,
            fileSizeBytes: bytes.byteLength,
            uploadCaptions: false,
            uploadThumbnail: false,
          },
        }),
      },
      what,
    );
    const { value } = await readJson(response, initializeSchema, what, 'POST');
    const etags: string[] = [];
    for (const part of value.uploadInstructions) {
      const uploaded = await linkedinRequest(
        context,
        part.uploadUrl,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream' },
          body: bytes.slice(part.firstByte, part.lastByte + 1),
        },
        'upload a video part',
      );
      const etag = uploaded.headers.get('etag');
      await discardBody(uploaded);
      if (etag === null)
        throw new Retryable('LinkedIn did not confirm a video part (no ETag); the post was not created.');
      etags.push(etag);
    }
    const finalized = await linkedinRequest(
      context,
      restUrl(context, '/videos?action=finalizeUpload'),
      {
        method: 'POST',
        headers: restHeaders(tokens, { 'content-type': 'application/json' }),
        body: JSON.stringify({
          finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds: etags },
        }),
      },
      'finish the video upload',
    );
    await discardBody(finalized);
    await waitUntilAvailable(context, tokens, value.video);
    return value.video;
  });
}

async function waitUntilAvailable(context: NetworkContext, tokens: TokenSet, video: string): Promise<void> {
  const deadline = Date.now() + VIDEO_WAIT.timeoutMs;
  for (let delay = VIDEO_WAIT.firstDelayMs; ; delay = Math.min(delay * 2, VIDEO_WAIT.maxDelayMs)) {
    const what = 'check the video processing';
    const response = await linkedinRequest(
      context,
      restUrl(context, `/videos/${encodeUrn(video)}`),
      { headers: restHeaders(tokens) },
      what,
    );
    const { status } = await readJson(response, statusSchema, what, 'GET');
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED')
      throw new Permanent('LinkedIn could not process this video; check its format (MP4) and length (3 s to 30 min).');
    if (Date.now() + delay > deadline)
      throw new Retryable('LinkedIn is still processing the video; the post was not created yet.');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
