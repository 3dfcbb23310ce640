/**
 * Checks an Instagram account: the token still reads the account, and the 24-hour publishing quota
 * is not used up (then it throws RateLimited, since publishing would fail until the window moves).
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { Permanent, RateLimited } from '../../provider-errors.ts';
import { fetchInstagramUser } from '../identity.ts';
import { igUserIdOf, QUOTA_WAIT_MS } from './publish.ts';
import { readPublishingQuota } from './quota.ts';

/** Returns the account as it is now, with its quota in metadata, or throws the typed error that stops it. */
export async function checkInstagramHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const identity = await fetchInstagramUser(context, account.tokens);
  if (identity.externalId !== igUserIdOf(account)) {
    throw new Permanent('This Instagram login now belongs to a different account; reconnect it.');
  }
  const quota = await readPublishingQuota(context, account.tokens, identity.externalId);
  if (quota === undefined) return identity;
  if (quota.usage >= quota.total) throw new RateLimited(QUOTA_WAIT_MS, 'account');
  return {
    ...identity,
    metadata: { ...identity.metadata, publishQuotaUsage: String(quota.usage), publishQuotaTotal: String(quota.total) },
  };
}
