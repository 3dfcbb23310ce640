/** Health check: the token still reads the profile (GET /v2/user/info/). */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { fetchTikTokIdentity } from './identity.ts';

/** Returns the account's current identity, or throws AuthExpired / RateLimited / Retryable / Permanent. */
export function checkTikTokHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  return fetchTikTokIdentity(context, account);
}
