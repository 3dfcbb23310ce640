/**
 * The account's own recent posts for backfill: GET /2/users/:id/tweets, 100 a page, without
 * retweets and replies, from `start_time`, following `meta.next_token`. X serves only the 3,200 most
 * recent posts of a timeline. Docs: docs.x.com/x-api/users/get-posts (timelines introduction).
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { xJson } from '../client.ts';
import { recentPostOfTweet, tweetSchema, X_METRIC_FIELDS } from '../tweet-view.ts';

/** The timeline's own cap (docs: "the 3,200 most recent Posts"). */
export const X_TIMELINE_MAX_POSTS = 3200;
const PAGE_SIZE = 100;

const timelineSchema = z.looseObject({
  data: z.array(tweetSchema).optional(),
  meta: z.looseObject({ next_token: z.string().optional() }).optional(),
});

/** RFC 3339 without fractions, as the docs write `start_time` (YYYY-MM-DDTHH:mm:ssZ). */
function xTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function listXRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const limit = Math.min(options.limit, X_TIMELINE_MAX_POSTS);
  const posts: RecentPost[] = [];
  let token: string | undefined;
  while (posts.length < limit) {
    const query = new URLSearchParams({
      max_results: String(PAGE_SIZE),
      exclude: 'retweets,replies',
      start_time: xTime(options.since),
      'tweet.fields': X_METRIC_FIELDS,
    });
    if (token !== undefined) query.set('pagination_token', token);
    const page = await xJson(
      context,
      account.tokens,
      `/2/users/${encodeURIComponent(account.externalId)}/tweets?${query.toString()}`,
      { method: 'GET' },
      timelineSchema,
      'list your recent posts',
    );
    for (const tweet of page.data ?? []) posts.push(recentPostOfTweet(tweet, account));
    const next = page.meta?.next_token;
    // A token repeated would page forever: stop there as at the end.
    if (next === undefined || next === token || (page.data ?? []).length === 0) break;
    token = next;
  }
  return posts.slice(0, limit);
}
