/**
 * The account's own posts for backfill: GET /api/v1/accounts/:id/statuses with exclude_reblogs,
 * 40 a page (the most the server gives), paging back with max_id until `since` or `limit`.
 * Docs: docs.joinmastodon.org/methods/accounts/#statuses
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { Retryable } from '../../provider-errors.ts';
import { instanceUrlOf, mastodonJson, statusReadTokens } from '../client.ts';
import { recentPostOf, statusSchema } from '../statuses.ts';

const PAGE_SIZE = 40;

/** The account's id on its server: the external id is `<id>@<host>`. */
export function localAccountId(externalId: string): string {
  return externalId.split('@')[0] ?? externalId;
}

export async function listMastodonRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const instanceUrl = instanceUrlOf(account.metadata);
  const accountId = encodeURIComponent(localAccountId(account.externalId));
  const posts: RecentPost[] = [];
  let maxId: string | undefined;
  while (posts.length < options.limit) {
    const query = new URLSearchParams({ exclude_reblogs: 'true', limit: String(PAGE_SIZE) });
    if (maxId !== undefined) query.set('max_id', maxId);
    const page = await mastodonJson(
      context,
      instanceUrl,
      statusReadTokens(account.tokens),
      `/api/v1/accounts/${accountId}/statuses?${query.toString()}`,
      { method: 'GET' },
      z.array(statusSchema),
      'read your recent posts',
    );
    for (const status of page) {
      const post = recentPostOf(status);
      if (Number.isNaN(post.publishedAt.getTime()))
        throw new Retryable('The Mastodon server sent a post without a readable date.');
      if (post.publishedAt < options.since) continue;
      if (posts.length < options.limit) posts.push(post);
    }
    const last = page.at(-1);
    if (page.length < PAGE_SIZE || last === undefined || new Date(last.created_at) < options.since) break;
    maxId = last.id;
  }
  return posts;
}
