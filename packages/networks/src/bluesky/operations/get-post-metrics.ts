/**
 * Reads likes, reposts, replies and quotes of the account's posts with app.bsky.feed.getPosts, 25
 * AT-URIs a call (the lexicon's maxLength). The PDS proxies the query to the AppView. A URI missing
 * from the answer is a post that was deleted or can no longer be seen: `gone`.
 * Docs: docs.bsky.app/docs/api/app-bsky-feed-get-posts
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { chunksOf } from '../../shared/batches.ts';
import { accountRepo, xrpcQuery } from '../client.ts';
import { metricsOfPostView, postViewSchema, type PostView } from '../post-view.ts';

export const BLUESKY_POSTS_PER_CALL = 25;

const postsSchema = z.looseObject({ posts: z.array(postViewSchema) });

/** One reading per URI asked, in the same order. */
export async function getBlueskyPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const repo = accountRepo(context, account);
  const found = new Map<string, PostView>();
  for (const uris of chunksOf(remoteIds, BLUESKY_POSTS_PER_CALL)) {
    const answer = await xrpcQuery(context, {
      base: repo.base,
      nsid: 'app.bsky.feed.getPosts',
      token: repo.token,
      params: { uris },
      schema: postsSchema,
      what: 'read post metrics',
    });
    for (const view of answer.posts) found.set(view.uri, view);
  }
  return remoteIds.map((remoteId): PostMetricsReading => {
    const view = found.get(remoteId);
    return view === undefined
      ? { remoteId, status: 'gone', reason: 'not_found' }
      : { remoteId, status: 'ok', metrics: metricsOfPostView(view) };
  });
}
