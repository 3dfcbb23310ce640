import { postFeatures } from '../features/post-features.ts';
import { createLevelTracker } from '../features/recent-level.ts';
import { inTimeOrder, logEngagementOf, type HistoryPost } from '../history/history-post.ts';
import { mean, median } from '../stats/summary-stats.ts';
import { zonedParts } from '../time/zoned-time.ts';
import { hourPriorFor, type HourPrior } from './hour-prior.ts';

export type HourEffect = {
  hour: number;
  /** Multiplicative effect on engagements compared with the account's typical hour (1.2 = +20 %). */
  lift: number;
  /** The account's own posts at that hour. */
  posts: number;
  /** Share of the estimate that comes from the account's own posts (the rest from the prior). */
  ownWeight: number;
};

export type BestTime = {
  network: string;
  zone: string;
  hours: HourEffect[];
  /** 0–1: how much the answer rests on the account's own history rather than on the prior. */
  confidence: number;
  confidenceLabel: 'low' | 'medium' | 'high';
  /** The k best hours (0–23 in `zone`), best first. */
  bestHours(k: number): number[];
  /** The expected lift of posting at `instant` (its local hour). */
  liftAt(instant: Date): number;
  hourOf(instant: Date): number;
};

/** Posts at an hour worth as much as the prior: below that the prior dominates. */
export const PRIOR_STRENGTH_POSTS = 12;

export type LearnBestTimeOptions = { zone: string; network: string; prior?: HourPrior };

/**
 * Best posting hours for one account on one network. Each post is compared with the account's
 * recent level 24 h before it (so a good year does not make its favourite hours look good); the
 * mean difference per local hour is shrunk toward the public-data prior by
 * posts / (posts + PRIOR_STRENGTH_POSTS).
 */
export function learnBestTime(history: readonly HistoryPost[], options: LearnBestTimeOptions): BestTime {
  const { zone, network } = options;
  const prior = options.prior ?? hourPriorFor(network);
  const posts = inTimeOrder(history);
  const fallback = posts.length > 0 ? median(posts.map(logEngagementOf)) : 0;
  const tracker = createLevelTracker(posts);
  const byHour: number[][] = Array.from({ length: 24 }, () => []);
  for (const post of posts) {
    const features = postFeatures(post, zone);
    const level = tracker.levelAt(post.publishedAt, features.kind);
    byHour[features.hour]?.push(logEngagementOf(post) - (level.sameKind ?? level.all ?? fallback));
  }
  const overall = mean(byHour.flat());
  const hours: HourEffect[] = byHour.map((residuals, hour) => {
    const ownWeight = residuals.length / (residuals.length + PRIOR_STRENGTH_POSTS);
    const own = residuals.length > 0 ? mean(residuals) - overall : 0;
    const logLift = ownWeight * own + (1 - ownWeight) * (prior.hourLift[hour] ?? 0);
    return { hour, lift: Math.exp(logLift), posts: residuals.length, ownWeight };
  });
  const confidence = mean(hours.map((hour) => hour.ownWeight));
  const ranked = [...hours].sort((a, b) => b.lift - a.lift || b.posts - a.posts);
  const hourOf = (instant: Date) => zonedParts(instant, zone).hour;
  return {
    network,
    zone,
    hours,
    confidence,
    confidenceLabel: confidence < 0.3 ? 'low' : confidence < 0.7 ? 'medium' : 'high',
    bestHours: (k) => ranked.slice(0, k).map((hour) => hour.hour),
    liftAt: (instant) => hours[hourOf(instant)]?.lift ?? 1,
    hourOf,
  };
}
