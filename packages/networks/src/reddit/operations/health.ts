/**
 * Checks a connected Reddit account: `GET /api/v1/me` still answers as the same account.
 *
 * Docs: https://www.reddit.com/dev/api#GET_api_v1_me
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { fetchMe } from '../client.ts';
import { callerOf } from './publish.ts';

export async function redditHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const identity = await fetchMe(context, callerOf(account));
  if (identity.externalId !== account.externalId) {
    throw new Permanent('This login now belongs to a different Reddit account. Connect the account again.', {
      vendorCode: 'account_changed',
    });
  }
  return identity;
}
