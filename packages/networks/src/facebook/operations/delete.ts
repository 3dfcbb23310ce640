/**
 * Deletes a Page post (or video) with `DELETE /{id}`. Graph answers code 100, subcode 33 for an
 * object that no longer exists; that counts as deleted.
 * https://developers.facebook.com/docs/pages-api/posts#delete-a-post
 */
import { readTextPrefix } from '@plume/http/response-body';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { failureFromResponse, send } from '../../shared/network-call.ts';
import { endpoint } from '../client.ts';
import { facebookFailure, isMissingObject } from '../errors.ts';

/** Deletes the post with this id; an already-deleted post succeeds. */
export async function deleteFacebookPost(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const response = await send(context.http, `${endpoint(context, 'graph')}/${remoteId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${account.tokens.accessToken}`, accept: 'application/json' },
  });
  const text = await readTextPrefix(response, 4096);
  if (response.ok) return;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  if (isMissingObject(response.status, body)) return;
  throw await failureFromResponse(new Response(text, { status: response.status, headers: response.headers }), {
    ...facebookFailure,
    what: 'delete the post',
  });
}
