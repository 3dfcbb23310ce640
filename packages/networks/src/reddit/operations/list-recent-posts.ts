/**
 * The account's own recent posts for backfill: `GET /user/{name}/submitted?sort=new`, 100 a page,
 * following `after` (scope `history`). Reddit listings reach back about 1,000 items.
 * Docs: https://www.reddit.com/dev/api#GET_user_{username}_submitted
 */
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { redditEndpoint, redditGet } from '../client.ts';
import { goneReason, linksOf, listingSchema, recentPostOfLink } from '../link-view.ts';
import { callerOf } from './publish.ts';

/** Reddit serves at most about 1,000 items of any listing. */
export const REDDIT_LISTING_MAX = 1000;
const PAGE_SIZE = 100;

export async function listRedditRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const username = account.metadata['username'];
  if (username === undefined) throw new Permanent('Connect the Reddit account again so Plume learns its username.');
  const web = redditEndpoint(context, 'web');
  const limit = Math.min(options.limit, REDDIT_LISTING_MAX);
  const posts: RecentPost[] = [];
  let after: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ sort: 'new', limit: String(PAGE_SIZE), raw_json: '1' });
    if (after !== undefined) query.set('after', after);
    const listing = await redditGet(
      context,
      callerOf(account),
      `/user/${encodeURIComponent(username)}/submitted?${query.toString()}`,
      listingSchema,
      'list your recent posts',
    );
    let reachedOlder = false;
    for (const link of linksOf(listing)) {
      const post = recentPostOfLink(link, web);
      if (post.publishedAt < options.since) reachedOlder = true;
      else if (goneReason(link) === undefined) posts.push(post);
    }
    const next = listing.data.after ?? undefined;
    if (reachedOlder || next === undefined || next === after || posts.length >= limit) break;
    after = next;
  }
  return posts.slice(0, limit);
}
