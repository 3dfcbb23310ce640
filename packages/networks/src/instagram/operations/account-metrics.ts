/**
 * The account's followers, follows and media count from the IG User node (`instagram_business_basic`).
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { instagramCall } from '../client.ts';

const countsSchema = z.looseObject({
  followers_count: z.number().optional(),
  follows_count: z.number().optional(),
  media_count: z.number().optional(),
});

/** The counts Instagram gives; one it leaves out stays absent. */
export async function getInstagramAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const user = await instagramCall(context, account.tokens, '/me?fields=followers_count,follows_count,media_count', {
    schema: countsSchema,
    what: 'read the account counts',
  });
  return {
    ...(user.followers_count === undefined ? {} : { followers: user.followers_count }),
    ...(user.follows_count === undefined ? {} : { following: user.follows_count }),
    ...(user.media_count === undefined ? {} : { posts: user.media_count }),
  };
}
