/**
 * The Instagram media fields Plume reads for metrics and how they map onto Plume's metric names. One
 * call per media reads its counts and lifetime insights together (field expansion
 * `insights.metric(...)`). The insight metrics are the current ones: `views` replaced `impressions`,
 * `plays` and `video_views` (deprecated for all versions from 21 April 2025); stories have no `saved`,
 * so a story is read again without it.
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';

/** Lifetime insights for feed posts, carousels and reels. */
export const INSTAGRAM_MEDIA_INSIGHTS = ['views', 'reach', 'saved', 'shares'] as const;
/** Stories report no saves. */
export const INSTAGRAM_STORY_INSIGHTS = ['views', 'reach', 'shares'] as const;

const INSIGHT_TO_METRIC = { views: 'views', reach: 'reach', saved: 'saves', shares: 'shares' } as const;

/** The `fields` value for one media, with the insight metrics given. */
export function instagramMediaFields(insights: readonly string[]): string {
  return [
    'id',
    'caption',
    'media_type',
    'media_product_type',
    'permalink',
    'timestamp',
    'like_count',
    'comments_count',
    `insights.metric(${insights.join(',')})`,
  ].join(',');
}

export const instagramMediaSchema = z.looseObject({
  id: z.coerce.string(),
  caption: z.string().optional(),
  media_type: z.string().optional(),
  permalink: z.string().optional(),
  timestamp: z.string().optional(),
  like_count: z.number().optional(),
  comments_count: z.number().optional(),
  insights: z
    .looseObject({
      data: z
        .array(z.looseObject({ name: z.string(), values: z.array(z.looseObject({ value: z.unknown() })).default([]) }))
        .default([]),
    })
    .optional(),
});
export type InstagramMedia = z.infer<typeof instagramMediaSchema>;

/**
 * The metrics one media answer holds. `like_count` is left out by Instagram when the owner hid like
 * counts, and an insight with no data yet comes back as an empty set: both stay absent, never 0.
 */
export function instagramMediaMetrics(media: InstagramMedia): PostMetricValues {
  const metrics: PostMetricValues = {};
  if (media.like_count !== undefined) metrics.likes = media.like_count;
  if (media.comments_count !== undefined) metrics.replies = media.comments_count;
  for (const insight of media.insights?.data ?? []) {
    const name = INSIGHT_TO_METRIC[insight.name as keyof typeof INSIGHT_TO_METRIC] as
      keyof PostMetricValues | undefined;
    const value = insight.values[0]?.value;
    if (name !== undefined && typeof value === 'number') metrics[name] = value;
  }
  return metrics;
}
