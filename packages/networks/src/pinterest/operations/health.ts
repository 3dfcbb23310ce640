/** Health check: the token still reads the account (GET /v5/user_account). */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { fetchPinterestIdentity } from './identity.ts';

/** Returns the account's current identity, or throws AuthExpired / RateLimited / Retryable / Permanent. */
export function checkPinterestHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  return fetchPinterestIdentity(context, account);
}
