/**
 * The metrics Plume stores, with one meaning each across networks. A network gives a subset (its
 * manifest lists which); a metric it does not give is absent, never 0. How each network's own
 * numbers map onto these names is in docs/analytics.md.
 */

export const POST_METRICS = [
  /** Times the post was shown (X impression_count, LinkedIn impressionCount, Facebook post_impressions…). */
  'impressions',
  /** Distinct accounts that saw it, where the network counts them apart from impressions. */
  'reach',
  /** Video or post views where the network reports views rather than impressions (YouTube, TikTok, Threads). */
  'views',
  'likes',
  /** Re-shares to the sharer's own audience: retweets, reblogs, reposts, LinkedIn reshares. */
  'reposts',
  'quotes',
  /** Replies and comments. */
  'replies',
  /** Shares by link or message (Facebook, Instagram, TikTok shares), not reposts. */
  'shares',
  /** Bookmarks and saves (X bookmarks, Instagram saved, Pinterest saves). */
  'saves',
  /** Link and media clicks the network attributes to the post. */
  'clicks',
  /** Reddit's score: upvotes minus downvotes. */
  'score',
] as const;
export type PostMetric = (typeof POST_METRICS)[number];

export const ACCOUNT_METRICS = ['followers', 'following', 'posts'] as const;
export type AccountMetric = (typeof ACCOUNT_METRICS)[number];

/** Values a network reported; a key is present only when the network gave that number. */
export type PostMetricValues = Partial<Record<PostMetric, number>>;
export type AccountMetricValues = Partial<Record<AccountMetric, number>>;

/** The interactions that count as engagement wherever the network reports them. Views and reach do not. */
export const ENGAGEMENT_METRICS = [
  'likes',
  'reposts',
  'quotes',
  'replies',
  'shares',
  'saves',
  'clicks',
] as const satisfies readonly PostMetric[];

/**
 * Engagements: the sum of the engagement metrics the network gave. Reddit gives a score instead of
 * likes (and no reposts): there the score (floored at 0) counts in place of likes. Null when the
 * network gave none of them, so "no data" is never shown as 0.
 */
export function engagementsOf(metrics: PostMetricValues): number | null {
  let total = 0;
  let seen = false;
  for (const name of ENGAGEMENT_METRICS) {
    const value = metrics[name];
    if (value === undefined) continue;
    total += value;
    seen = true;
  }
  if (metrics.likes === undefined && metrics.score !== undefined) {
    total += Math.max(0, metrics.score);
    seen = true;
  }
  return seen ? total : null;
}

/**
 * Engagement rate: engagements ÷ the audience that could see the post. The audience is impressions
 * when the network gives them, else views, else the account's followers when the post was measured.
 * Null when either side is unknown or the audience is 0.
 */
export function engagementRateOf(metrics: PostMetricValues, followersAtSnapshot?: number | null): number | null {
  const engagements = engagementsOf(metrics);
  const audience = metrics.impressions ?? metrics.views ?? followersAtSnapshot ?? null;
  if (engagements === null || audience === null || audience <= 0) return null;
  return engagements / audience;
}

/** When each published target is measured, in minutes after it went out (seed 002, plus 72 h, 7 d and 30 d). */
export const SNAPSHOT_OFFSETS_MIN = [15, 60, 240, 720, 1440, 4320, 10080, 43200] as const;
