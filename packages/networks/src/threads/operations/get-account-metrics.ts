/**
 * Reads the profile's followers with GET /{threads-user-id}/threads_insights?metric=followers_count
 * (permission `threads_manage_insights`; answered as `total_value`). Threads gives no following or
 * post count. Docs: developers.facebook.com/docs/threads/insights (user insights)
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { threadsGet } from '../client.ts';

const userInsightsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      name: z.string(),
      total_value: z.looseObject({ value: z.number().optional() }).optional(),
      values: z.array(z.looseObject({ value: z.number().optional() })).optional(),
    }),
  ),
});

export async function getThreadsAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const insights = await threadsGet(
    context,
    account.tokens.accessToken,
    `/${encodeURIComponent(account.externalId)}/threads_insights`,
    { metric: 'followers_count' },
    userInsightsSchema,
    'read the follower count',
  );
  const entry = insights.data.find((item) => item.name === 'followers_count');
  const followers = entry?.total_value?.value ?? entry?.values?.[0]?.value;
  return followers === undefined ? {} : { followers };
}
