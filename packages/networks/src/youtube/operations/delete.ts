/**
 * Deletes a video (`DELETE /videos?id=`, 204). A video that is already gone (404 videoNotFound) counts
 * as deleted.
 *
 * Docs: https://developers.google.com/youtube/v3/docs/videos/delete
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { bearer } from '../../shared/oauth2.ts';
import { youtubeVocabulary } from '../errors.ts';
import { googleNoContent } from '../google-call.ts';
import { requireEndpoint } from '../google-oauth.ts';

export async function deleteYoutubeVideo(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const url = new URL(`${requireEndpoint(context, 'api')}/videos`);
  url.searchParams.set('id', remoteId);
  await googleNoContent(
    context.http,
    url,
    { method: 'DELETE', headers: bearer(account.tokens) },
    {
      what: 'delete the YouTube video',
      now: context.now(),
      vocabulary: youtubeVocabulary,
      okStatuses: [404, 410],
    },
  );
}
