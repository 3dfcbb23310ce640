// The public API of @plume/insights: what core, the worker and the web app call. Everything is pure
// (arrays in, numbers out); deeper modules stay importable for tests and tools.

export type { HistoryPost } from './history/history-post.ts';
export { engagementOf, logEngagementOf } from './history/history-post.ts';
export type { HistoryCsv, HistoryFormat, HistoryRowError } from './history/read-history-csv.ts';
export { readHistoryCsv, HistoryCsvError, decodeCsvBytes } from './history/read-history-csv.ts';

export type { PostInput, PostFeatures, PostKind } from './features/post-features.ts';
export { postFeatures } from './features/post-features.ts';
export type { RecentLevel, LevelTracker } from './features/recent-level.ts';
export { createLevelTracker, MIN_RESULT_AGE_MS } from './features/recent-level.ts';

export type { EngagementPrediction, EngagementPredictor, TrainOptions } from './predict/train-predictor.ts';
export { trainPredictor } from './predict/train-predictor.ts';

export type { BestTime, HourEffect } from './best-time/learn-best-time.ts';
export { learnBestTime } from './best-time/learn-best-time.ts';
export type { FreeTimeOptions, FreeTimeSuggestion } from './best-time/suggest-free-times.ts';
export { suggestFreeTimes } from './best-time/suggest-free-times.ts';

export type { Finding } from './what-works/what-works.ts';
export { findWhatWorks, MIN_POSTS_PER_GROUP } from './what-works/what-works.ts';

export type { MeasuredPost, CurvePoint } from './anomaly/expected-curve.ts';
export { buildExpectedCurve } from './anomaly/expected-curve.ts';
export type { SnapshotClassification, SnapshotVerdict } from './anomaly/classify-snapshot.ts';
export { classifySnapshot } from './anomaly/classify-snapshot.ts';

export type { WeeklyPost, WeeklySummary, WeekTotals } from './weekly/summarize-week.ts';
export { summarizeWeek, startOfWeek } from './weekly/summarize-week.ts';
export { describeFinding, describeLearned } from './weekly/describe-findings.ts';

export type { Evaluation } from './evaluate/evaluate-history.ts';
export { evaluateHistory } from './evaluate/evaluate-history.ts';

export type { AbDecision, AbMethod, AbTestInput, VariantResult } from './ab-test/decide-ab-winner.ts';
export {
  decideAbWinner,
  AB_ALPHA,
  AB_DECISION_AGE_HOURS,
  PRIOR_POST_TO_POST_SPREAD,
} from './ab-test/decide-ab-winner.ts';
export { postToPostSpread, MIN_SPREAD_POSTS } from './ab-test/post-to-post-spread.ts';
