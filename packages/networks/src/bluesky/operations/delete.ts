/**
 * Deletes a post with com.atproto.repo.deleteRecord (repo, collection and rkey from its at:// URI).
 * The PDS answers 200 whether or not the record still exists; a `RecordNotFound` from other hosts
 * also counts as done. Docs: docs.bsky.app/docs/api/com-atproto-repo-delete-record
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { failureFromResponse, send } from '../../shared/network-call.ts';
import { accountRepo } from '../client.ts';
import { parseAtUri } from '../compose.ts';
import { blueskyFailureMapping, readXrpcError } from '../errors.ts';

/** Deletes the post `remoteId` (an at:// URI); deleting one that no longer exists succeeds. */
export async function deleteFromBluesky(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const target = parseAtUri(remoteId);
  if (target === undefined) throw new Permanent(`"${remoteId}" is not a Bluesky post address (at://…).`);
  const repo = accountRepo(context, account);
  const response = await send(context.http, `${repo.base}/xrpc/com.atproto.repo.deleteRecord`, {
    method: 'POST',
    headers: { authorization: `Bearer ${repo.token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ repo: target.repo, collection: target.collection, rkey: target.rkey }),
  });
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  if (response.status === 400) {
    const body: unknown = await response.json().catch(() => undefined);
    if (readXrpcError(body).error === 'RecordNotFound') return;
    throw await failureFromResponse(new Response(JSON.stringify(body ?? {}), { status: 400 }), {
      ...blueskyFailureMapping,
      what: 'delete the post',
    });
  }
  throw await failureFromResponse(response, { ...blueskyFailureMapping, what: 'delete the post' });
}
