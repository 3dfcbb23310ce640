/**
 * Deletes a LinkedIn post: `DELETE /rest/posts/{encoded urn}` answers 204. A post that is already
 * gone (404/410) counts as deleted.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api#delete-posts
 */
import { discardBody } from '@plume/http/response-body';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { send } from '../../shared/network-call.ts';
import { encodeUrn, restHeaders, restUrl } from '../client.ts';
import { linkedinFailure } from '../errors.ts';

/** Deletes the post with this URN. */
export async function deleteLinkedInPost(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const response = await send(context.http, restUrl(context, `/posts/${encodeUrn(remoteId)}`), {
    method: 'DELETE',
    headers: restHeaders(account.tokens),
  });
  if (response.ok || response.status === 404 || response.status === 410) {
    await discardBody(response);
    return;
  }
  throw await linkedinFailure(response, 'delete the post');
}
