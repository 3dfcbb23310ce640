/**
 * Metrics of an organization's posts: lifetime organic statistics of up to 20 listed posts in one call,
 * `GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&shares=List(...)&ugcPosts=List(...)`
 * (rw_organization_admin, which Plume asks for at connect). impressionCount → impressions,
 * uniqueImpressionsCount → reach, likeCount → likes, commentCount → replies, shareCount → reposts,
 * clickCount → clicks. LinkedIn leaves a post out when it has no statistics for it; such a post is
 * read once more (`GET /rest/posts/{urn}`) and only a 404 makes it `gone`.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { send } from '../../shared/network-call.ts';
import { encodeUrn, linkedinRequest, readJson, restHeaders, restUrl } from '../client.ts';
import { linkedinFailure } from '../errors.ts';

const statsSchema = z.looseObject({
  impressionCount: z.number().optional(),
  uniqueImpressionsCount: z.number().optional(),
  likeCount: z.number().optional(),
  commentCount: z.number().optional(),
  shareCount: z.number().optional(),
  clickCount: z.number().optional(),
});
const answerSchema = z.looseObject({
  elements: z
    .array(
      z.looseObject({
        share: z.string().optional(),
        ugcPost: z.string().optional(),
        totalShareStatistics: statsSchema.optional(),
      }),
    )
    .default([]),
});

const FIELD_TO_METRIC = {
  impressionCount: 'impressions',
  uniqueImpressionsCount: 'reach',
  likeCount: 'likes',
  commentCount: 'replies',
  shareCount: 'reposts',
  clickCount: 'clicks',
} as const;

function metricsOf(stats: z.infer<typeof statsSchema> | undefined): PostMetricValues {
  const metrics: PostMetricValues = {};
  for (const [field, metric] of Object.entries(FIELD_TO_METRIC)) {
    const value = stats?.[field as keyof typeof FIELD_TO_METRIC];
    if (value !== undefined) metrics[metric] = value;
  }
  return metrics;
}

const list = (urns: readonly string[]): string => `List(${urns.map(encodeUrn).join(',')})`;

/** One reading per URN, in the order asked, for posts of the organization `organizationUrn`. */
export async function readOrganizationPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  organizationUrn: string,
  urns: readonly string[],
): Promise<PostMetricsReading[]> {
  const shares = urns.filter((urn) => !urn.startsWith('urn:li:ugcPost:'));
  const ugcPosts = urns.filter((urn) => urn.startsWith('urn:li:ugcPost:'));
  const query = [
    'q=organizationalEntity',
    `organizationalEntity=${encodeUrn(organizationUrn)}`,
    ...(shares.length > 0 ? [`shares=${list(shares)}`] : []),
    ...(ugcPosts.length > 0 ? [`ugcPosts=${list(ugcPosts)}`] : []),
  ].join('&');
  const what = 'read post statistics';
  const response = await linkedinRequest(
    context,
    restUrl(context, `/organizationalEntityShareStatistics?${query}`),
    { method: 'GET', headers: restHeaders(account.tokens) },
    what,
  );
  const answer = await readJson(response, answerSchema, what, 'GET');
  const byUrn = new Map(answer.elements.map((element) => [element.share ?? element.ugcPost, element]));
  const readings: PostMetricsReading[] = [];
  for (const urn of urns) {
    const element = byUrn.get(urn);
    if (element !== undefined)
      readings.push({ remoteId: urn, status: 'ok', metrics: metricsOf(element.totalShareStatistics) });
    else readings.push(await readingOfUnlisted(context, account, urn));
  }
  return readings;
}

/** A post LinkedIn gave no statistics for: `gone` when it answers 404, else no numbers yet. */
async function readingOfUnlisted(
  context: NetworkContext,
  account: AccountAuth,
  urn: string,
): Promise<PostMetricsReading> {
  const response = await send(context.http, restUrl(context, `/posts/${encodeUrn(urn)}`), {
    method: 'GET',
    headers: restHeaders(account.tokens),
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return { remoteId: urn, status: 'gone', reason: 'deleted' };
  }
  if (!response.ok) throw await linkedinFailure(response, 'read the post');
  await response.body?.cancel();
  return { remoteId: urn, status: 'ok', metrics: {} };
}
