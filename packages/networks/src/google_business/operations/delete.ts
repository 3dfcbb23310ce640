/**
 * Deletes a local post by its name (`DELETE v4/accounts/…/locations/…/localPosts/…`). A post that is
 * already gone (404) counts as deleted.
 *
 * Docs: https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts/delete
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { bearer } from '../../shared/oauth2.ts';
import { googleNoContent } from '../../youtube/google-call.ts';
import { requireEndpoint } from '../../youtube/google-oauth.ts';
import { googleBusinessVocabulary } from '../errors.ts';

const POST_NAME = /^accounts\/[^/]+\/locations\/[^/]+\/localPosts\/[^/]+$/;

export async function deleteGoogleBusinessPost(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  if (!POST_NAME.test(remoteId))
    throw new Permanent('This is not a Business Profile post id.', { vendorCode: 'bad_post_id' });
  await googleNoContent(
    context.http,
    `${requireEndpoint(context, 'posts')}/${remoteId}`,
    { method: 'DELETE', headers: bearer(account.tokens) },
    {
      what: 'delete the Business Profile post',
      now: context.now(),
      vocabulary: googleBusinessVocabulary,
      okStatuses: [404],
    },
  );
}
