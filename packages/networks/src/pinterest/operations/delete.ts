/** Deletes a Pin: DELETE /v5/pins/{pin_id} → 204 (developers.pinterest.com/docs/api/v5/pins-delete). */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { callNoContent } from '../../shared/network-call.ts';
import { authHeader, v5 } from '../client.ts';
import { pinterestFailureMapping } from '../errors.ts';

/** Removes the Pin; one that is already gone (404) counts as deleted. */
export async function deletePin(context: NetworkContext, account: AccountAuth, pinId: string): Promise<void> {
  await callNoContent(
    context.http,
    `${v5(context)}/pins/${encodeURIComponent(pinId)}`,
    { method: 'DELETE', headers: authHeader(account) },
    { ...pinterestFailureMapping, what: 'delete the Pin', okStatuses: [404] },
  );
}
