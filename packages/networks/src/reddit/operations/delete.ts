/**
 * Deletes a post or comment (`POST /api/del`, `id=t3_…`, scope `edit`). Reddit answers 200 `{}` whether
 * or not the thing still exists, so deleting twice succeeds.
 *
 * Docs: https://www.reddit.com/dev/api#POST_api_del
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { callNoContent } from '../../shared/network-call.ts';
import { bearer } from '../../shared/oauth2.ts';
import { redditEndpoint, redditUserAgent } from '../client.ts';
import { redditFailureMapping } from '../errors.ts';

export async function deleteRedditPost(context: NetworkContext, account: AccountAuth, remoteId: string): Promise<void> {
  const fullname = /^t[13]_[a-z0-9]+$/i.test(remoteId)
    ? remoteId
    : /^[a-z0-9]+$/i.test(remoteId)
      ? `t3_${remoteId}`
      : undefined;
  if (fullname === undefined) throw new Permanent('This is not a Reddit post id.', { vendorCode: 'bad_post_id' });
  await callNoContent(
    context.http,
    `${redditEndpoint(context, 'api')}/api/del`,
    {
      method: 'POST',
      headers: {
        ...bearer(account.tokens),
        'user-agent': redditUserAgent(context.app?.clientId, account.metadata['username']),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ id: fullname }).toString(),
    },
    { ...redditFailureMapping, what: 'delete the Reddit post' },
  );
}
