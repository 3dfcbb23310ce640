/**
 * Reads impressions, likes, reposts, replies, quotes and bookmarks with GET /2/tweets?ids=, 100 ids a
 * call, `tweet.fields=public_metrics`. An id X answers with a partial error instead of data is gone:
 * `resource-not-found` (deleted) or `not-authorized-for-resource` (the account went private or the
 * post was withheld). Docs: docs.x.com/x-api/posts/get-posts-by-ids, …/fundamentals/metrics
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { chunksOf } from '../../shared/batches.ts';
import { xJson } from '../client.ts';
import { lookupErrorSchema, metricsOfTweet, tweetSchema, type XTweet } from '../tweet-view.ts';

export const X_POSTS_PER_CALL = 100;

const lookupSchema = z.looseObject({
  data: z.array(tweetSchema).optional(),
  errors: z.array(lookupErrorSchema).optional(),
});

type Gone = Extract<PostMetricsReading, { status: 'gone' }>['reason'];

function reasonOf(type: string | undefined): Gone {
  if (type?.endsWith('/not-authorized-for-resource') === true) return 'private';
  if (type?.endsWith('/resource-not-found') === true) return 'deleted';
  return 'not_found';
}

/** One reading per id asked, in the same order. */
export async function getXPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const found = new Map<string, XTweet>();
  const gone = new Map<string, Gone>();
  for (const ids of chunksOf(remoteIds, X_POSTS_PER_CALL)) {
    const query = new URLSearchParams({ ids: ids.join(','), 'tweet.fields': 'public_metrics' });
    const answer = await xJson(
      context,
      account.tokens,
      `/2/tweets?${query.toString()}`,
      { method: 'GET' },
      lookupSchema,
      'read post metrics',
    );
    for (const tweet of answer.data ?? []) found.set(tweet.id, tweet);
    for (const error of answer.errors ?? []) {
      const id = error.resource_id ?? error.value;
      if (id !== undefined) gone.set(id, reasonOf(error.type));
    }
  }
  return remoteIds.map((remoteId): PostMetricsReading => {
    const tweet = found.get(remoteId);
    if (tweet !== undefined) return { remoteId, status: 'ok', metrics: metricsOfTweet(tweet) };
    return { remoteId, status: 'gone', reason: gone.get(remoteId) ?? 'not_found' };
  });
}
