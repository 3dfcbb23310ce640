/**
 * Metrics of a member's own posts: `GET /rest/memberCreatorPostAnalytics?q=entity&entity=(share:{urn})
 * &queryType={metric}&aggregation=TOTAL`, one metric a call (IMPRESSION → impressions,
 * MEMBERS_REACHED → reach, RESHARE → reposts, REACTION → likes, COMMENT → replies). It needs the
 * r_member_postAnalytics permission, which LinkedIn grants only to apps approved for the Community
 * Management API; without it LinkedIn answers 403 (Permanent, in plain words). A post LinkedIn no
 * longer finds (404) is `gone`; a metric it has no count for stays absent.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { send } from '../../shared/network-call.ts';
import { encodeUrn, readJson, restHeaders, restUrl } from '../client.ts';
import { linkedinFailure } from '../errors.ts';

const QUERY_TO_METRIC = {
  IMPRESSION: 'impressions',
  MEMBERS_REACHED: 'reach',
  RESHARE: 'reposts',
  REACTION: 'likes',
  COMMENT: 'replies',
} as const;

const answerSchema = z.looseObject({ elements: z.array(z.looseObject({ count: z.number() })).default([]) });

/** One reading per URN, in the order asked (five calls per post). */
export async function readMemberPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  urns: readonly string[],
): Promise<PostMetricsReading[]> {
  const readings: PostMetricsReading[] = [];
  for (const urn of urns) readings.push(await readOne(context, account, urn));
  return readings;
}

async function readOne(context: NetworkContext, account: AccountAuth, urn: string): Promise<PostMetricsReading> {
  const kind = urn.startsWith('urn:li:ugcPost:') ? 'ugcPost' : 'share';
  const metrics: PostMetricValues = {};
  for (const [queryType, metric] of Object.entries(QUERY_TO_METRIC)) {
    const query = `q=entity&entity=(${kind}:${encodeUrn(urn)})&queryType=${queryType}&aggregation=TOTAL`;
    const what = 'read member post analytics';
    const response = await send(context.http, restUrl(context, `/memberCreatorPostAnalytics?${query}`), {
      method: 'GET',
      headers: restHeaders(account.tokens),
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return { remoteId: urn, status: 'gone', reason: 'deleted' };
    }
    if (!response.ok) throw await linkedinFailure(response, what);
    const answer = await readJson(response, answerSchema, what, 'GET');
    const count = answer.elements[0]?.count;
    if (count !== undefined) metrics[metric] = count;
  }
  return { remoteId: urn, status: 'ok', metrics };
}
