/** Checks a Mastodon account still works, and refreshes the server's limits in its metadata. */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { instanceUrlOf } from '../client.ts';
import { fetchMastodonIdentity } from '../identity.ts';

/** Returns the account's current identity, or throws AuthExpired / RateLimited / … */
export async function checkMastodonHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  return fetchMastodonIdentity(context, instanceUrlOf(account.metadata), account.tokens);
}
