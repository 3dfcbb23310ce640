import { createLevelTracker } from '../features/recent-level.ts';
import { engagementOf, inTimeOrder, logEngagementOf, type HistoryPost } from '../history/history-post.ts';
import { spearman } from '../stats/spearman.ts';
import { mean, median } from '../stats/summary-stats.ts';
import { trainPredictor } from '../predict/train-predictor.ts';
import { learnBestTime } from '../best-time/learn-best-time.ts';

/** What `plume insights evaluate` prints (snake_case: the JSON output's field names). */
export type Evaluation = {
  n_train: number;
  n_test: number;
  spearman: number;
  mae_log: number;
  baseline_median_mae_log: number;
  baseline_recent_mae_log: number;
  best_hours: number[];
  best_hours_lift: number | null;
  zone: string;
};

/** Fewer posts than this cannot be split into a training part and a meaningful test part. */
export const MIN_EVALUATION_POSTS = 30;

const meanAbsoluteError = (predicted: readonly number[], actual: readonly number[]) =>
  mean(predicted.map((value, i) => Math.abs(value - (actual[i] ?? 0))));

/**
 * The honest check of the learning on one account's history: split in time order 80 / 20, fit on
 * the first part only, predict each test post from its features and the actual results of posts at
 * least 24 h older than it (earlier test posts included, as in production), and compare with two
 * baselines fitted on the training part.
 */
export function evaluateHistory(history: readonly HistoryPost[], zone = 'UTC'): Evaluation {
  const posts = inTimeOrder(history);
  if (posts.length < MIN_EVALUATION_POSTS)
    throw new RangeError(
      `The history has ${posts.length} posts; the evaluation needs at least ${MIN_EVALUATION_POSTS}.`,
    );
  const split = Math.floor(posts.length * 0.8);
  const train = posts.slice(0, split);
  const test = posts.slice(split);
  const predictor = trainPredictor(train, { zone });
  const levels = createLevelTracker(posts);
  const predicted = test.map((post) => predictor.predict(post, levels).expectedLog);
  const actual = test.map(logEngagementOf);
  const trainLogs = train.map(logEngagementOf);
  const medianBaseline = median(trainLogs);
  const recentBaseline = mean(trainLogs.slice(-100));
  const bestTime = learnBestTime(train, { zone, network: train[0]?.network ?? 'unknown' });
  const bestHours = bestTime.bestHours(3);
  const inBest = test.filter((post) => bestHours.includes(bestTime.hourOf(post.publishedAt)));
  const allMean = mean(test.map(engagementOf));
  return {
    n_train: train.length,
    n_test: test.length,
    spearman: spearman(predicted, actual),
    mae_log: meanAbsoluteError(predicted, actual),
    baseline_median_mae_log: meanAbsoluteError(
      actual.map(() => medianBaseline),
      actual,
    ),
    baseline_recent_mae_log: meanAbsoluteError(
      actual.map(() => recentBaseline),
      actual,
    ),
    best_hours: bestHours,
    best_hours_lift: inBest.length === 0 || allMean === 0 ? null : mean(inBest.map(engagementOf)) / allMean,
    zone,
  };
}
