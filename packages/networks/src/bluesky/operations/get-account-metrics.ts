/**
 * Reads the account's followers, follows and posts counts with app.bsky.actor.getProfile (proxied to
 * the AppView by the PDS). Each count is optional in the lexicon; a missing one stays absent.
 * Docs: docs.bsky.app/docs/api/app-bsky-actor-get-profile
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { pickCounts } from '../../shared/batches.ts';
import { accountRepo, xrpcQuery } from '../client.ts';

const profileSchema = z.looseObject({
  did: z.string(),
  followersCount: z.number().int().nonnegative().optional(),
  followsCount: z.number().int().nonnegative().optional(),
  postsCount: z.number().int().nonnegative().optional(),
});

export async function getBlueskyAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const repo = accountRepo(context, account);
  const profile = await xrpcQuery(context, {
    base: repo.base,
    nsid: 'app.bsky.actor.getProfile',
    token: repo.token,
    params: { actor: repo.did },
    schema: profileSchema,
    what: 'read the profile counts',
  });
  return pickCounts(profile, { followers: 'followersCount', following: 'followsCount', posts: 'postsCount' });
}
