/**
 * The account's own recent posts for backfill, from app.bsky.feed.getAuthorFeed with
 * `filter=posts_no_replies`, 100 a page, newest first. Reposts (`reason: reasonRepost`) and posts by
 * other authors are skipped; a pinned post (`reasonPin`) is counted once, where its date puts it.
 * Docs: docs.bsky.app/docs/api/app-bsky-feed-get-author-feed
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { accountRepo, xrpcQuery } from '../client.ts';
import { postViewSchema, recentPostOfView } from '../post-view.ts';

const PAGE_SIZE = 100;
/** Pages read at most per backfill (a safety stop; 30 pages = 3,000 feed items). */
const MAX_PAGES = 30;

const feedSchema = z.looseObject({
  cursor: z.string().optional(),
  feed: z.array(z.looseObject({ post: postViewSchema, reason: z.looseObject({ $type: z.string() }).optional() })),
});

export async function listBlueskyRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const repo = accountRepo(context, account);
  const posts = new Map<string, RecentPost>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await xrpcQuery(context, {
      base: repo.base,
      nsid: 'app.bsky.feed.getAuthorFeed',
      token: repo.token,
      params: {
        actor: repo.did,
        filter: 'posts_no_replies',
        limit: String(PAGE_SIZE),
        ...(cursor === undefined ? {} : { cursor }),
      },
      schema: feedSchema,
      what: 'list recent posts',
    });
    let reachedOlder = false;
    for (const item of answer.feed) {
      if (item.post.author.did !== repo.did) continue;
      const reason = item.reason?.$type;
      if (reason === 'app.bsky.feed.defs#reasonRepost') continue;
      const post = recentPostOfView(context, account, item.post);
      if (post.publishedAt < options.since) {
        // A pinned post sits on top whatever its age; only the chronological feed tells us to stop.
        if (reason !== 'app.bsky.feed.defs#reasonPin') reachedOlder = true;
        continue;
      }
      posts.set(post.remoteId, post);
    }
    cursor = answer.cursor;
    if (reachedOlder || cursor === undefined || answer.feed.length === 0 || posts.size >= options.limit) break;
  }
  return [...posts.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, options.limit);
}
