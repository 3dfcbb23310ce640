/**
 * A post (`t3` thing) as Reddit's listings return it: score (upvotes minus downvotes) and
 * num_comments are the only engagement counts the API gives (`view_count` is always null).
 * `removed_by_category` says why a post no longer shows: `deleted` by its author, or removed
 * (`moderator`, `reddit`, `automod_filtered`, `copyright_takedown`…).
 * Docs: https://www.reddit.com/dev/api#GET_api_info, https://github.com/reddit-archive/reddit/wiki/JSON
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { PostMetricsReading, RecentPost } from '../contract.ts';
import { pickCounts } from '../shared/batches.ts';

export const linkSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  selftext: z.string().optional(),
  author: z.string().optional(),
  is_self: z.boolean().optional(),
  url: z.string().nullish(),
  permalink: z.string().optional(),
  created_utc: z.number().optional(),
  score: z.number().optional(),
  num_comments: z.number().optional(),
  removed_by_category: z.string().nullish(),
});
export type RedditLink = z.output<typeof linkSchema>;

export const listingSchema = z.looseObject({
  data: z.looseObject({
    after: z.string().nullish(),
    children: z.array(z.looseObject({ kind: z.string(), data: z.looseObject({}) })),
  }),
});

/** The `t3` posts of a listing (comments and other kinds are skipped). */
export function linksOf(listing: z.output<typeof listingSchema>): RedditLink[] {
  return listing.data.children.flatMap((child) => {
    if (child.kind !== 't3') return [];
    const parsed = linkSchema.safeParse(child.data);
    return parsed.success ? [parsed.data] : [];
  });
}

export function metricsOfLink(link: RedditLink): PostMetricValues {
  return pickCounts(link, { score: 'score', replies: 'num_comments' });
}

/** Why a post is gone, or undefined while it still shows. */
export function goneReason(link: RedditLink): Extract<PostMetricsReading, { status: 'gone' }>['reason'] | undefined {
  const removed = link.removed_by_category;
  if (removed === 'deleted' || link.author === '[deleted]') return 'deleted';
  // Removed by moderators or Reddit: hidden from everyone but its author.
  if (removed !== null && removed !== undefined) return 'private';
  return undefined;
}

export function recentPostOfLink(link: RedditLink, web: string): RecentPost {
  const body = link.selftext ?? '';
  const linkPost = link.is_self === false && link.url !== null && link.url !== undefined;
  return {
    remoteId: link.name,
    url: link.permalink === undefined ? null : `${web}${link.permalink}`,
    publishedAt: new Date((link.created_utc ?? 0) * 1000),
    text: [link.title ?? '', body].filter((part) => part !== '').join('\n\n'),
    hasMedia: linkPost && /\.(jpe?g|png|gif|webp|mp4)$|i\.redd\.it|v\.redd\.it/i.test(link.url ?? ''),
    hasLink: linkPost || /https?:\/\//.test(body),
    metrics: metricsOfLink(link),
  };
}
