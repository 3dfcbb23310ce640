import { postFeatures, type PostInput } from '../features/post-features.ts';
import { createLevelTracker, type LevelTracker } from '../features/recent-level.ts';
import { inTimeOrder, logEngagementOf, type HistoryPost } from '../history/history-post.ts';
import { fitRidge, predictRidge, type RidgeModel } from '../stats/ridge.ts';
import { median, quantile } from '../stats/summary-stats.ts';
import { featureRow } from './feature-row.ts';

/** Expected engagements of a post and a range that holds the actual result `coverage` of the time. */
export type EngagementPrediction = {
  expected: number;
  low: number;
  high: number;
  /** The prediction on the log(1 + engagements) scale the model works on. */
  expectedLog: number;
  coverage: number;
  /** How many of the account's posts (≥ 24 h older) the recent level rests on. */
  basedOn: number;
};

export type EngagementPredictor = {
  zone: string;
  trainedOn: number;
  /**
   * Predicts a post or draft. `history` holds the account's posts with their results; only those
   * published at least 24 h before the post count.
   */
  predict(post: PostInput, history: readonly HistoryPost[] | LevelTracker): EngagementPrediction;
};

export type TrainOptions = { zone?: string; coverage?: number; lambda?: number };

/** Fewer posts than this and the predictor answers with the account's median and a wide range. */
export const MIN_TRAINING_POSTS = 20;

/**
 * Trains the engagement predictor on one account's history. Each training post is described with
 * the recent level the account had 24 h before it, exactly as a later post will be, so the model
 * learns how a post compares with the account's recent level rather than with its all-time mean.
 */
export function trainPredictor(history: readonly HistoryPost[], options: TrainOptions = {}): EngagementPredictor {
  const zone = options.zone ?? 'UTC';
  const coverage = options.coverage ?? 0.8;
  const posts = inTimeOrder(history);
  const targets = posts.map(logEngagementOf);
  const fallback = posts.length > 0 ? median(targets) : 0;
  const tracker = createLevelTracker(posts);
  const rows: number[][] = [];
  const ys: number[] = [];
  posts.forEach((post, index) => {
    const features = postFeatures(post, zone);
    const level = tracker.levelAt(post.publishedAt, features.kind);
    if (level.all === null) return;
    rows.push(featureRow(features, level, fallback));
    ys.push(targets[index] ?? 0);
  });
  const model: RidgeModel | null = rows.length >= MIN_TRAINING_POSTS ? fitRidge(rows, ys, options.lambda ?? 5) : null;
  const residuals = model
    ? rows.map((row, i) => (ys[i] ?? 0) - predictRidge(model, row))
    : targets.map((y) => y - fallback);
  const tail = (1 - coverage) / 2;
  const lowShift = residuals.length > 0 ? quantile(residuals, tail) : -1;
  const highShift = residuals.length > 0 ? quantile(residuals, 1 - tail) : 1;
  return {
    zone,
    trainedOn: rows.length,
    predict(post, source) {
      const levels = 'levelAt' in source ? source : createLevelTracker(source);
      const features = postFeatures(post, zone);
      const level = levels.levelAt(post.publishedAt, features.kind);
      const expectedLog = model
        ? predictRidge(model, featureRow(features, level, fallback))
        : (level.sameKind ?? level.all ?? fallback);
      return {
        expected: Math.max(0, Math.expm1(expectedLog)),
        low: Math.max(0, Math.expm1(expectedLog + lowShift)),
        high: Math.max(0, Math.expm1(expectedLog + highShift)),
        expectedLog,
        coverage,
        basedOn: level.basedOn,
      };
    },
  };
}
