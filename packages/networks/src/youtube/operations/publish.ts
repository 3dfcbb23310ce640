/**
 * Publishes one video: metadata first (opens a resumable session), then the bytes. Uploads have no
 * idempotency key at YouTube, so a lost final answer is an unknown outcome, never retried blindly.
 *
 * Docs: https://developers.google.com/youtube/v3/docs/videos/insert
 */
import type { AccountAuth, NetworkContext, PublishRequest, PublishResult } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { requireEndpoint } from '../google-oauth.ts';
import { youtubeSettings } from '../manifest.ts';
import { startUploadSession, uploadVideoBytes, type UploadOptions } from './resumable-upload.ts';
import { validateYoutube } from './validate.ts';
import { buildVideoResource, isShortEligible } from './video-metadata.ts';

/** Uploads the post's video and returns its id and watch (or Shorts) URL. */
export async function publishYoutube(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
  options: UploadOptions = {},
): Promise<PublishResult> {
  const issues = validateYoutube(request);
  if (issues.length > 0)
    throw new Permanent(issues.map((issue) => issue.message).join(' '), { vendorCode: 'invalid_post' });
  const settings = youtubeSettings.parse(request.settings);
  const video = request.parts[0].media[0];
  if (video === undefined) throw new Permanent('YouTube needs exactly one video, and nothing else.');
  const bytes = await video.read();
  if (bytes.byteLength === 0) throw new Permanent('The video file is empty.');

  const resource = buildVideoResource(request, settings, video);
  const session = await startUploadSession(context, account.tokens, {
    resource,
    bytes: bytes.byteLength,
    mimeType: video.mimeType,
    notifySubscribers: settings.notify_subscribers,
  });
  const uploaded = await uploadVideoBytes(
    context,
    account.tokens,
    { session, bytes, mimeType: video.mimeType },
    options,
  );

  const web = requireEndpoint(context, 'web');
  const short = settings.short && isShortEligible(video);
  const url = short ? `${web}/shorts/${uploaded.id}` : `${web}/watch?v=${uploaded.id}`;
  return { remoteId: uploaded.id, url, extra: [] };
}
