/**
 * The Page post fields Plume reads for metrics, and how they map onto Plume's metric names.
 * Counts come from field expansion on the post (`reactions.summary(total_count)`, `comments.summary(total_count)`,
 * `shares`) and its lifetime insights in the same call (`insights.metric(...)`), so one request reads
 * everything. Meta replaced impressions with "Views" in 2025: `post_media_view` (times the post was on
 * screen) is read as impressions and `post_total_media_view_unique` (the alternative Meta names for the
 * deprecated `post_impressions_unique`) as reach.
 * https://developers.facebook.com/docs/graph-api/reference/post/
 * https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';

/** Lifetime insights requested for every post. */
export const FACEBOOK_POST_INSIGHTS = ['post_media_view', 'post_total_media_view_unique', 'post_clicks'] as const;

const INSIGHT_TO_METRIC = {
  post_media_view: 'impressions',
  post_total_media_view_unique: 'reach',
  post_clicks: 'clicks',
} as const satisfies Record<(typeof FACEBOOK_POST_INSIGHTS)[number], keyof PostMetricValues>;

/** The `fields` parameter: counts, the post's own facts for backfill, and its insights. */
export const FACEBOOK_POST_FIELDS = [
  'id',
  'created_time',
  'message',
  'permalink_url',
  'attachments{media_type,type}',
  'reactions.summary(total_count).limit(0)',
  'comments.summary(total_count).limit(0)',
  'shares',
  `insights.metric(${FACEBOOK_POST_INSIGHTS.join(',')})`,
].join(',');

const countSchema = z.looseObject({ summary: z.looseObject({ total_count: z.number() }).optional() }).optional();

const insightSchema = z.looseObject({
  name: z.string(),
  values: z.array(z.looseObject({ value: z.unknown() })).default([]),
});

/** One post as Graph returns it with `FACEBOOK_POST_FIELDS`. */
export const facebookPostSchema = z.looseObject({
  id: z.coerce.string(),
  created_time: z.string().optional(),
  message: z.string().optional(),
  permalink_url: z.string().optional(),
  attachments: z
    .looseObject({
      data: z.array(z.looseObject({ media_type: z.string().optional(), type: z.string().optional() })).default([]),
    })
    .optional(),
  reactions: countSchema,
  comments: countSchema,
  shares: z.looseObject({ count: z.number() }).optional(),
  insights: z.looseObject({ data: z.array(insightSchema).default([]) }).optional(),
});
export type FacebookPost = z.infer<typeof facebookPostSchema>;

/**
 * The metrics a post answer holds. A count Graph did not send stays absent, except `shares`: Graph
 * leaves that field out of a readable post that was never shared, so there it means 0. An insight
 * with no value yet (a new post, a Page under 100 likes) stays absent.
 */
export function facebookPostMetrics(post: FacebookPost): PostMetricValues {
  const metrics: PostMetricValues = {};
  const likes = post.reactions?.summary?.total_count;
  if (likes !== undefined) metrics.likes = likes;
  const replies = post.comments?.summary?.total_count;
  if (replies !== undefined) metrics.replies = replies;
  metrics.shares = post.shares?.count ?? 0;
  for (const insight of post.insights?.data ?? []) {
    const name = INSIGHT_TO_METRIC[insight.name as keyof typeof INSIGHT_TO_METRIC] as
      keyof PostMetricValues | undefined;
    const value = insight.values[0]?.value;
    if (name !== undefined && typeof value === 'number') metrics[name] = value;
  }
  return metrics;
}
