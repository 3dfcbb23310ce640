/**
 * The TikTok video fields Plume reads for metrics (Display API video object) and how they map onto
 * Plume's metric names: view_count → views, like_count → likes, comment_count → replies,
 * share_count → shares. TikTok gives no impressions, reach or saves through this API.
 * https://developers.tiktok.com/doc/tiktok-api-v2-video-object
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';

export const TIKTOK_VIDEO_FIELDS = [
  'id',
  'create_time',
  'title',
  'video_description',
  'share_url',
  'view_count',
  'like_count',
  'comment_count',
  'share_count',
].join(',');

/** Ids are int64: kept as strings by the client when beyond 2^53, numbers otherwise. */
const idSchema = z.union([z.string(), z.number()]).transform(String);

export const tiktokVideoSchema = z.looseObject({
  id: idSchema,
  create_time: z.number().optional(),
  title: z.string().optional(),
  video_description: z.string().optional(),
  share_url: z.string().optional(),
  view_count: z.number().optional(),
  like_count: z.number().optional(),
  comment_count: z.number().optional(),
  share_count: z.number().optional(),
});
export type TikTokVideo = z.infer<typeof tiktokVideoSchema>;

/** The counts TikTok sent; one it left out stays absent. */
export function tiktokVideoMetrics(video: TikTokVideo): PostMetricValues {
  return {
    ...(video.view_count === undefined ? {} : { views: video.view_count }),
    ...(video.like_count === undefined ? {} : { likes: video.like_count }),
    ...(video.comment_count === undefined ? {} : { replies: video.comment_count }),
    ...(video.share_count === undefined ? {} : { shares: video.share_count }),
  };
}
