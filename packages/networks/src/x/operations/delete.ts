/**
 * Deletes a post: DELETE /2/tweets/{id} answers `{data: {deleted: true}}`; a post that is already
 * gone answers 404, which counts as done. Docs: docs.x.com/x-api/posts/delete-post
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { failureFromResponse, send } from '../../shared/network-call.ts';
import { bearer } from '../../shared/oauth2.ts';
import { xEndpoint } from '../client.ts';
import { xFailureMapping } from '../errors.ts';

const deletedSchema = z.looseObject({ data: z.looseObject({ deleted: z.boolean() }) });

/** Deletes the post `remoteId`; deleting one that no longer exists succeeds. */
export async function deleteFromX(context: NetworkContext, account: AccountAuth, remoteId: string): Promise<void> {
  const url = `${xEndpoint(context, 'api')}/2/tweets/${encodeURIComponent(remoteId)}`;
  const response = await send(context.http, url, {
    method: 'DELETE',
    headers: { ...bearer(account.tokens), accept: 'application/json' },
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return;
  }
  if (!response.ok) throw await failureFromResponse(response, { ...xFailureMapping, what: 'delete the post' });
  const parsed = deletedSchema.safeParse(await response.json().catch(() => undefined));
  if (parsed.success && !parsed.data.data.deleted) throw new Permanent('X answered that the post was not deleted.');
}
