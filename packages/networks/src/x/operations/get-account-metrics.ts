/**
 * Reads followers, following and posts with GET /2/users/me?user.fields=public_metrics. The docs
 * call the post count `tweet_count`, the OpenAPI (v2.167) `post_count`: both are read.
 * Docs: docs.x.com/x-api/users/get-my-user, data dictionary "user" object.
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { pickCounts } from '../../shared/batches.ts';
import { xJson } from '../client.ts';

const meSchema = z.looseObject({
  data: z.looseObject({ id: z.string(), public_metrics: z.record(z.string(), z.unknown()).optional() }),
});

export async function getXAccountMetrics(context: NetworkContext, account: AccountAuth): Promise<AccountMetricValues> {
  const me = await xJson(
    context,
    account.tokens,
    '/2/users/me?user.fields=public_metrics',
    { method: 'GET' },
    meSchema,
    'read your X follower counts',
  );
  const counts = me.data.public_metrics ?? {};
  return pickCounts(
    { posts_total: counts['tweet_count'] ?? counts['post_count'], ...counts },
    { followers: 'followers_count', following: 'following_count', posts: 'posts_total' },
  );
}
