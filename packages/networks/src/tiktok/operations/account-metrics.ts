/**
 * The creator's follower, following and video counts: `GET /v2/user/info/` with the stats fields
 * (scope user.info.stats).
 * https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { tiktokRequest } from '../client.ts';

const statsSchema = z.looseObject({
  user: z.looseObject({
    follower_count: z.number().optional(),
    following_count: z.number().optional(),
    video_count: z.number().optional(),
  }),
});

/** The counts TikTok gives; one it leaves out stays absent. */
export async function getTikTokAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const { user } = await tiktokRequest(context, account, {
    method: 'GET',
    path: '/v2/user/info/',
    query: { fields: 'open_id,follower_count,following_count,video_count' },
    data: statsSchema,
    what: 'read the TikTok account counts',
    creates: false,
  });
  return {
    ...(user.follower_count === undefined ? {} : { followers: user.follower_count }),
    ...(user.following_count === undefined ? {} : { following: user.following_count }),
    ...(user.video_count === undefined ? {} : { posts: user.video_count }),
  };
}
