import { postFeatures, type PostFeatures } from '../features/post-features.ts';
import { createLevelTracker } from '../features/recent-level.ts';
import { inTimeOrder, logEngagementOf, type HistoryPost } from '../history/history-post.ts';
import { mean, median, variance } from '../stats/summary-stats.ts';

export type Finding = {
  /** What was compared, e.g. factor `hashtags`, group `posts with hashtags`, compared with `posts without hashtags`. */
  factor: 'hashtags' | 'media' | 'links' | 'length' | 'hour';
  group: string;
  comparedWith: string;
  postsInGroup: number;
  postsCompared: number;
  /** Multiplicative effect on engagements (1.3 = 30 % more), with its 95 % confidence interval. */
  effect: number;
  low: number;
  high: number;
  /** True when the interval excludes "no effect" (1). */
  isClear: boolean;
};

/** A group is compared only when it and the rest each hold at least this many posts. */
export const MIN_POSTS_PER_GROUP = 20;

type Split = { factor: Finding['factor']; group: string; comparedWith: string; test: (f: PostFeatures) => boolean };

const LENGTH_BANDS = [
  { name: 'short posts (under 80 characters)', test: (f: PostFeatures) => f.length < 80 },
  { name: 'medium posts (80–179 characters)', test: (f: PostFeatures) => f.length >= 80 && f.length < 180 },
  { name: 'long posts (180 characters or more)', test: (f: PostFeatures) => f.length >= 180 },
];
const HOUR_BANDS = [
  { name: 'posts at night (0–5 h)', from: 0 },
  { name: 'posts in the morning (6–11 h)', from: 6 },
  { name: 'posts in the afternoon (12–17 h)', from: 12 },
  { name: 'posts in the evening (18–23 h)', from: 18 },
];

const SPLITS: Split[] = [
  {
    factor: 'hashtags',
    group: 'posts with hashtags',
    comparedWith: 'posts without hashtags',
    test: (f) => f.hashtagCount > 0,
  },
  { factor: 'media', group: 'posts with media', comparedWith: 'text-only posts', test: (f) => f.hasMedia },
  { factor: 'links', group: 'posts with a link', comparedWith: 'posts without a link', test: (f) => f.hasLink },
  ...LENGTH_BANDS.map((band) => ({
    factor: 'length' as const,
    group: band.name,
    comparedWith: 'posts of other lengths',
    test: band.test,
  })),
  ...HOUR_BANDS.map((band) => ({
    factor: 'hour' as const,
    group: band.name,
    comparedWith: 'posts at other hours',
    test: (f: PostFeatures) => f.hour >= band.from && f.hour < band.from + 6,
  })),
];

/**
 * What works for this account: for hashtags, media, links, length bands and hour bands, how
 * engagement differs between posts with and without the trait. Each post counts as its log
 * engagement minus the account's recent level 24 h before it (so drift over time does not pass for
 * an effect); the difference of means gets a normal-approximation 95 % interval. A comparison is
 * returned only when both sides hold at least MIN_POSTS_PER_GROUP posts; reposts are left out (their
 * engagement belongs to someone else's post).
 */
export function findWhatWorks(history: readonly HistoryPost[], zone: string): Finding[] {
  const posts = inTimeOrder(history);
  const fallback = posts.length > 0 ? median(posts.map(logEngagementOf)) : 0;
  const tracker = createLevelTracker(posts);
  const rows = posts
    .map((post) => {
      const features = postFeatures(post, zone);
      const level = tracker.levelAt(post.publishedAt, features.kind);
      return { features, residual: logEngagementOf(post) - (level.sameKind ?? level.all ?? fallback) };
    })
    .filter((row) => row.features.kind !== 'repost');
  const findings: Finding[] = [];
  for (const split of SPLITS) {
    const inGroup = rows.filter((row) => split.test(row.features)).map((row) => row.residual);
    const rest = rows.filter((row) => !split.test(row.features)).map((row) => row.residual);
    if (inGroup.length < MIN_POSTS_PER_GROUP || rest.length < MIN_POSTS_PER_GROUP) continue;
    const difference = mean(inGroup) - mean(rest);
    const margin = 1.96 * Math.sqrt(variance(inGroup) / inGroup.length + variance(rest) / rest.length);
    findings.push({
      factor: split.factor,
      group: split.group,
      comparedWith: split.comparedWith,
      postsInGroup: inGroup.length,
      postsCompared: rest.length,
      effect: Math.exp(difference),
      low: Math.exp(difference - margin),
      high: Math.exp(difference + margin),
      isClear: difference - margin > 0 || difference + margin < 0,
    });
  }
  return findings;
}
