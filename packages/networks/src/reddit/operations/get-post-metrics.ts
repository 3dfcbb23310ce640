/**
 * Reads score and comment counts with `GET /api/info?id=t3_…`, 100 fullnames a call (scope `read`).
 * A post its author deleted or that moderators removed is gone; one missing from the answer too.
 * Docs: https://www.reddit.com/dev/api#GET_api_info
 */
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { chunksOf } from '../../shared/batches.ts';
import { redditGet } from '../client.ts';
import { goneReason, linksOf, listingSchema, metricsOfLink, type RedditLink } from '../link-view.ts';
import { callerOf } from './publish.ts';

export const REDDIT_POSTS_PER_CALL = 100;

export async function getRedditPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const found = new Map<string, RedditLink>();
  for (const names of chunksOf(remoteIds, REDDIT_POSTS_PER_CALL)) {
    const query = new URLSearchParams({ id: names.join(','), raw_json: '1' });
    const listing = await redditGet(
      context,
      callerOf(account),
      `/api/info?${query.toString()}`,
      listingSchema,
      'read post scores',
    );
    for (const link of linksOf(listing)) found.set(link.name, link);
  }
  return remoteIds.map((remoteId): PostMetricsReading => {
    const link = found.get(remoteId);
    if (link === undefined) return { remoteId, status: 'gone', reason: 'not_found' };
    const reason = goneReason(link);
    return reason === undefined
      ? { remoteId, status: 'ok', metrics: metricsOfLink(link) }
      : { remoteId, status: 'gone', reason };
  });
}
