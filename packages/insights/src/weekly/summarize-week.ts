import { fromZonedWallTime, zonedParts } from '../time/zoned-time.ts';

/** A published post as the weekly report sees it. */
export type WeeklyPost = {
  id: string;
  publishedAt: Date;
  network: string;
  /** Null when the network gave no engagement metric for it. */
  engagements: number | null;
  impressions?: number | null;
};

export type WeekTotals = {
  posts: number;
  /** Sum over posts with a known count; null when none has one. */
  engagements: number | null;
  impressions: number | null;
  /** Engagements ÷ impressions over posts that have both; null otherwise. */
  engagementRate: number | null;
};

export type WeeklySummary = {
  start: Date;
  end: Date;
  thisWeek: WeekTotals;
  lastWeek: WeekTotals;
  /** Relative change this week vs last (0.25 = +25 %); null when last week had nothing to compare. */
  change: { posts: number | null; engagements: number | null; engagementRate: number | null };
  byNetwork: { network: string; thisWeek: WeekTotals; lastWeek: WeekTotals }[];
  bestPost: WeeklyPost | null;
};

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Monday 00:00 in `zone` of the week holding `instant`. */
export function startOfWeek(instant: Date, zone: string): Date {
  const parts = zonedParts(instant, zone);
  const monday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day - parts.weekday));
  return fromZonedWallTime(
    { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate(), hour: 0, minute: 0 },
    zone,
  );
}

export function totalsOf(posts: readonly WeeklyPost[]): WeekTotals {
  const known = posts.filter((post) => post.engagements !== null);
  const rated = known.filter((post) => (post.impressions ?? 0) > 0);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const ratedImpressions = sum(rated.map((post) => post.impressions ?? 0));
  const withImpressions = posts.filter((post) => post.impressions !== null && post.impressions !== undefined);
  return {
    posts: posts.length,
    engagements: known.length > 0 ? sum(known.map((post) => post.engagements ?? 0)) : null,
    impressions: withImpressions.length > 0 ? sum(withImpressions.map((post) => post.impressions ?? 0)) : null,
    engagementRate: ratedImpressions > 0 ? sum(rated.map((post) => post.engagements ?? 0)) / ratedImpressions : null,
  };
}

const relativeChange = (now: number | null, before: number | null) =>
  now === null || before === null || before === 0 ? null : (now - before) / before;

/**
 * The numbers of a weekly report: the week starting at `start` (see startOfWeek) against the week
 * before, per network, and the best post (most engagements; the earlier one on a tie).
 */
export function summarizeWeek(posts: readonly WeeklyPost[], start: Date): WeeklySummary {
  const from = start.getTime();
  const inRange = (low: number, high: number) =>
    posts.filter((post) => post.publishedAt.getTime() >= low && post.publishedAt.getTime() < high);
  const current = inRange(from, from + WEEK_MS);
  const previous = inRange(from - WEEK_MS, from);
  const thisWeek = totalsOf(current);
  const lastWeek = totalsOf(previous);
  const networks = [...new Set([...current, ...previous].map((post) => post.network))].sort();
  const bestPost =
    [...current]
      .filter((post) => post.engagements !== null)
      .sort(
        (a, b) => (b.engagements ?? 0) - (a.engagements ?? 0) || a.publishedAt.getTime() - b.publishedAt.getTime(),
      )[0] ?? null;
  return {
    start,
    end: new Date(from + WEEK_MS),
    thisWeek,
    lastWeek,
    change: {
      posts: relativeChange(thisWeek.posts, lastWeek.posts),
      engagements: relativeChange(thisWeek.engagements, lastWeek.engagements),
      engagementRate: relativeChange(thisWeek.engagementRate, lastWeek.engagementRate),
    },
    byNetwork: networks.map((network) => ({
      network,
      thisWeek: totalsOf(current.filter((post) => post.network === network)),
      lastWeek: totalsOf(previous.filter((post) => post.network === network)),
    })),
    bestPost,
  };
}
