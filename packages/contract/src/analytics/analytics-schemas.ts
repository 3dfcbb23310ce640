/**
 * What the analytics routes answer. A metric no post of the group reported is null, never 0: the web
 * app then says which network does not report it.
 */
import { z } from 'zod';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import { timestamp, type Wire } from '../wire.ts';
import { ACCOUNT_METRICS, POST_METRICS } from './metrics.ts';

const count = z.number().int().nonnegative();
const known = z.number().nullable();

/** The range asked for, the comparison period before it, and the zone both are days of. */
export const rangeViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  timezone: z.string(),
});

/** Sums over the posts published in a period. `engagementRate` is the mean of the posts' own rates. */
export const analyticsTotalsSchema = z.object({
  posts: count,
  engagements: known,
  impressions: known,
  views: known,
  engagementRate: known,
});
export type AnalyticsTotals = z.output<typeof analyticsTotalsSchema>;

const comparedSchema = z.object({ current: analyticsTotalsSchema, previous: analyticsTotalsSchema });

/** Which metrics a network's API gives (from its manifest): the UI says "not reported by X" for the rest. */
export const networkMetricsSchema = z.object({
  network: z.enum(NETWORK_IDS),
  postMetrics: z.array(z.enum(POST_METRICS)),
  accountMetrics: z.array(z.enum(ACCOUNT_METRICS)),
});
export type NetworkMetrics = z.output<typeof networkMetricsSchema>;

const accountRef = {
  accountId: z.string(),
  network: z.enum(NETWORK_IDS),
  handle: z.string(),
  displayName: z.string(),
};

/** `GET …/analytics/overview`: the workspace, each network and each account, this period and the one before. */
export const analyticsOverviewSchema = z.object({
  range: rangeViewSchema,
  totals: comparedSchema,
  byNetwork: z.array(comparedSchema.extend({ network: z.enum(NETWORK_IDS) })),
  byAccount: z.array(comparedSchema.extend(accountRef)),
  /** The networks of the workspace's accounts and what each reports. */
  networks: z.array(networkMetricsSchema),
});
export type AnalyticsOverview = Wire<typeof analyticsOverviewSchema>;

/** `GET …/analytics/followers`: the last follower count of each day (workspace clock) per account. */
export const followersSeriesSchema = z.object({
  range: rangeViewSchema,
  accounts: z.array(
    z.object({
      ...accountRef,
      points: z.array(z.object({ date: z.string(), followers: z.number() })),
    }),
  ),
});
export type FollowersSeries = Wire<typeof followersSeriesSchema>;

/** One measured post with its latest reading. */
export const measuredPostSchema = z.object({
  id: z.string(),
  ...accountRef,
  /** The Plume post it came from, when Plume published it. */
  postId: z.string().nullable(),
  source: z.enum(['plume', 'backfill', 'import']),
  remoteUrl: z.string().nullable(),
  publishedAt: timestamp,
  text: z.string(),
  status: z.enum(['active', 'gone']),
  engagements: known,
  engagementRate: known,
  impressions: known,
  views: known,
  likes: known,
  reposts: known,
  replies: known,
});
export type MeasuredPostView = Wire<typeof measuredPostSchema>;

/** `GET …/analytics/posts`: the best and the worst posts of the range by engagements (posts without any: left out). */
export const topPostsSchema = z.object({
  range: rangeViewSchema,
  top: z.array(measuredPostSchema),
  bottom: z.array(measuredPostSchema),
});
export type TopPosts = Wire<typeof topPostsSchema>;

/** A group of posts (a content type, a hashtag, a length band) and how it did. */
export const breakdownRowSchema = z.object({
  key: z.string(),
  posts: count,
  engagements: known,
  /** Mean engagements per post among the posts that reported any. */
  meanEngagements: known,
  engagementRate: known,
});
export type BreakdownRow = z.output<typeof breakdownRowSchema>;

/** `GET …/analytics/breakdowns`. */
export const breakdownsSchema = z.object({
  range: rangeViewSchema,
  /** `text`, `media`, `link`, `thread` (a post may count in several). */
  contentType: z.array(breakdownRowSchema),
  /** The 20 hashtags used most, lower-cased, without `#`. */
  hashtags: z.array(breakdownRowSchema),
  /** Characters: `0-79`, `80-139`, `140-279`, `280-499`, `500+`. */
  length: z.array(breakdownRowSchema),
});
export type Breakdowns = Wire<typeof breakdownsSchema>;

/** `GET …/analytics/heatmap`: posts and mean engagements by weekday (1 = Monday … 7 = Sunday) and hour, workspace clock. */
export const heatmapSchema = z.object({
  range: rangeViewSchema,
  cells: z.array(
    z.object({
      weekday: z.number().int().min(1).max(7),
      hour: z.number().int().min(0).max(23),
      posts: count,
      meanEngagements: known,
    }),
  ),
});
export type Heatmap = Wire<typeof heatmapSchema>;

const snapshotPointSchema = z.object({
  takenAt: timestamp,
  /** The scheduled offset in minutes (15, 60, 240…), null for on-demand readings. */
  offsetMin: z.number().int().nullable(),
  engagements: known,
  impressions: known,
  views: known,
  likes: known,
  reposts: known,
  replies: known,
});

/** `GET …/posts/{postId}/metrics`: each target's readings, oldest first. */
export const postMetricsSchema = z.object({
  targets: z.array(
    z.object({
      targetId: z.string(),
      ...accountRef,
      measuredPostId: z.string().nullable(),
      status: z.enum(['active', 'gone']).nullable(),
      publishedAt: timestamp.nullable(),
      points: z.array(snapshotPointSchema),
    }),
  ),
  networks: z.array(networkMetricsSchema),
});
export type PostMetrics = Wire<typeof postMetricsSchema>;
