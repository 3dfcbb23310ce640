/** Checks an X account still works by reading the profile the token acts as. */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { fetchXIdentity } from '../identity.ts';

/** Returns the account's current identity, or throws AuthExpired / RateLimited / … */
export async function checkXHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  return fetchXIdentity(context, account.tokens);
}
