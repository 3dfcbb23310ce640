/**
 * Deletes a Threads post: DELETE /v1.0/{media-id} answers `{success: true, deleted_id}` (needs the
 * `threads_delete` permission; 100 deletes per profile per day). A post that no longer exists
 * answers 404 or Graph error 100/33 ("does not exist"), which counts as done.
 * Docs: developers.facebook.com/docs/threads/posts/delete-posts
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { failureFromResponse, send } from '../../shared/network-call.ts';
import { THREADS_API_VERSION, threadsEndpoint } from '../client.ts';
import { readGraphError, threadsFailureMapping } from '../errors.ts';

/** Deletes the post `remoteId`; deleting one that is already gone succeeds. */
export async function deleteFromThreads(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const url = new URL(`${threadsEndpoint(context, 'api')}/${THREADS_API_VERSION}/${encodeURIComponent(remoteId)}`);
  url.searchParams.set('access_token', account.tokens.accessToken);
  const response = await send(context.http, url, { method: 'DELETE', headers: { accept: 'application/json' } });
  if (response.ok || response.status === 404) {
    await response.body?.cancel();
    return;
  }
  const error = readGraphError(
    await response
      .clone()
      .json()
      .catch(() => undefined),
  );
  if (error?.code === 100 && error.subcode === 33) {
    await response.body?.cancel();
    return;
  }
  throw await failureFromResponse(response, { ...threadsFailureMapping, what: 'delete the post' });
}
