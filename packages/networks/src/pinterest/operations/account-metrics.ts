/**
 * The account's follower, following and Pin counts from `GET /v5/user_account` (scope
 * user_accounts:read).
 * https://developers.pinterest.com/docs/api/v5/user_account-get
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { pinterestGet } from '../client.ts';

const countsSchema = z.looseObject({
  follower_count: z.number().optional(),
  following_count: z.number().optional(),
  pin_count: z.number().optional(),
});

/** The counts Pinterest gives; one it leaves out stays absent. */
export async function getPinterestAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const user = await pinterestGet(context, account, '/user_account', countsSchema, 'read the account counts');
  return {
    ...(user.follower_count === undefined ? {} : { followers: user.follower_count }),
    ...(user.following_count === undefined ? {} : { following: user.following_count }),
    ...(user.pin_count === undefined ? {} : { posts: user.pin_count }),
  };
}
