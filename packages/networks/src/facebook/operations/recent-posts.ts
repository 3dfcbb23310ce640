/**
 * The Page's own published posts since a date, newest first, with their current metrics, for backfill:
 * `GET /{page-id}/published_posts` (100 a page, following `paging.cursors.after`).
 * https://developers.facebook.com/docs/graph-api/reference/page/published_posts/
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { findUrls } from '../../text/find-urls.ts';
import { endpoint, graphCall } from '../client.ts';
import { FACEBOOK_POST_FIELDS, facebookPostMetrics, facebookPostSchema, type FacebookPost } from './post-fields.ts';
import { facebookPostUrl } from './publish.ts';

const PAGE_SIZE = 100;

const listSchema = z.looseObject({
  data: z.array(facebookPostSchema),
  paging: z
    .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

/** Up to `limit` posts published after `since`. */
export async function listFacebookRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const pageId = account.metadata['pageId'] ?? account.externalId;
  const since = Math.floor(options.since.getTime() / 1000);
  const posts: RecentPost[] = [];
  let after: string | undefined;
  while (posts.length < options.limit) {
    const size = Math.min(PAGE_SIZE, options.limit - posts.length);
    const query = `fields=${encodeURIComponent(FACEBOOK_POST_FIELDS)}&since=${since}&limit=${size}`;
    const cursor = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
    const url = `${endpoint(context, 'graph')}/${encodeURIComponent(pageId)}/published_posts?${query}${cursor}`;
    const page = await graphCall(context, account.tokens, url, { schema: listSchema, what: 'list the Page posts' });
    for (const post of page.data) {
      const recent = toRecentPost(post);
      if (recent !== undefined && recent.publishedAt >= options.since) posts.push(recent);
    }
    after = page.paging?.cursors?.after;
    if (page.paging?.next === undefined || after === undefined || page.data.length === 0) break;
  }
  return posts.slice(0, options.limit);
}

function toRecentPost(post: FacebookPost): RecentPost | undefined {
  if (post.created_time === undefined) return undefined;
  const publishedAt = new Date(post.created_time.replace(/\+0000$/, 'Z'));
  if (Number.isNaN(publishedAt.getTime())) return undefined;
  const text = post.message ?? '';
  const kinds = (post.attachments?.data ?? []).map((item) => item.media_type ?? item.type ?? '');
  return {
    remoteId: post.id,
    url: post.permalink_url ?? facebookPostUrl(post.id),
    publishedAt,
    text,
    hasMedia: kinds.some((kind) => ['photo', 'video', 'album'].includes(kind)),
    hasLink: kinds.includes('link') || kinds.includes('share') || findUrls(text).length > 0,
    metrics: facebookPostMetrics(post),
  };
}
