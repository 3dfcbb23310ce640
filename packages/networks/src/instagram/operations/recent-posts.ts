/**
 * The account's own media since a date, newest first, with their counts and insights, for backfill:
 * `GET /{ig-user-id}/media` (up to 100 a page, following `paging.cursors.after`). Stories are not on
 * this edge, so every item takes the feed insight metrics.
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { findUrls } from '../../text/find-urls.ts';
import { instagramCall } from '../client.ts';
import { igUserIdOf } from './publish.ts';
import {
  INSTAGRAM_MEDIA_INSIGHTS,
  instagramMediaFields,
  instagramMediaMetrics,
  instagramMediaSchema,
  type InstagramMedia,
} from './media-fields.ts';

const PAGE_SIZE = 100;

const listSchema = z.looseObject({
  data: z.array(instagramMediaSchema),
  paging: z
    .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

/** Up to `limit` media published after `since`. */
export async function listInstagramRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const since = Math.floor(options.since.getTime() / 1000);
  const fields = encodeURIComponent(instagramMediaFields(INSTAGRAM_MEDIA_INSIGHTS));
  const posts: RecentPost[] = [];
  let after: string | undefined;
  while (posts.length < options.limit) {
    const size = Math.min(PAGE_SIZE, options.limit - posts.length);
    const cursor = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
    const path = `/${encodeURIComponent(igUserIdOf(account))}/media?fields=${fields}&since=${since}&limit=${size}${cursor}`;
    const page = await instagramCall(context, account.tokens, path, { schema: listSchema, what: 'list the media' });
    for (const media of page.data) {
      const recent = toRecentPost(media);
      if (recent !== undefined && recent.publishedAt >= options.since) posts.push(recent);
    }
    after = page.paging?.cursors?.after;
    if (page.paging?.next === undefined || after === undefined || page.data.length === 0) break;
  }
  return posts.slice(0, options.limit);
}

function toRecentPost(media: InstagramMedia): RecentPost | undefined {
  if (media.timestamp === undefined) return undefined;
  const publishedAt = new Date(media.timestamp.replace(/\+0000$/, 'Z'));
  if (Number.isNaN(publishedAt.getTime())) return undefined;
  const text = media.caption ?? '';
  return {
    remoteId: media.id,
    url: media.permalink ?? null,
    publishedAt,
    text,
    // Every Instagram post is media (image, video or carousel).
    hasMedia: true,
    hasLink: findUrls(text).length > 0,
    metrics: instagramMediaMetrics(media),
  };
}
