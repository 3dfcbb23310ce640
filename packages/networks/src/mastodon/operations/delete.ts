/**
 * Deletes a status: DELETE /api/v1/statuses/:id; a status that is already gone answers 404, which
 * counts as done. Docs: docs.joinmastodon.org/methods/statuses/#delete
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { callNoContent } from '../../shared/network-call.ts';
import { instanceUrlOf, mastodonRequest } from '../client.ts';
import { mastodonFailureMapping } from '../errors.ts';

/** Deletes the status `remoteId`; deleting one that no longer exists succeeds. */
export async function deleteFromMastodon(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const url = `${instanceUrlOf(account.metadata)}/api/v1/statuses/${encodeURIComponent(remoteId)}`;
  await callNoContent(context.http, url, await mastodonRequest(account.tokens, { method: 'DELETE' }), {
    ...mastodonFailureMapping,
    what: 'delete the post',
    okStatuses: [404],
  });
}
