/** Checks a Threads profile still works by reading it with the stored token. */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { fetchThreadsIdentity } from '../identity.ts';

/** Returns the profile's current identity, or throws AuthExpired / RateLimited / … */
export async function checkThreadsHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  return fetchThreadsIdentity(context, account.tokens.accessToken);
}
