/**
 * The Page's follower count: `followers_count` (people following the Page), or `fan_count` (people who
 * like it) for Pages that do not report followers. Graph gives no count of the Page's posts.
 * https://developers.facebook.com/docs/graph-api/reference/page/
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import { endpoint, graphCall } from '../client.ts';

const pageCountsSchema = z.looseObject({
  followers_count: z.number().optional(),
  fan_count: z.number().optional(),
});

/** The Page's followers, when Graph reports them. */
export async function getFacebookAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const pageId = account.metadata['pageId'] ?? account.externalId;
  const url = `${endpoint(context, 'graph')}/${encodeURIComponent(pageId)}?fields=followers_count,fan_count`;
  const page = await graphCall(context, account.tokens, url, {
    schema: pageCountsSchema,
    what: 'read the Page counts',
  });
  const followers = page.followers_count ?? page.fan_count;
  return followers === undefined ? {} : { followers };
}
