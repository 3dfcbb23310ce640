import type { TargetPrediction } from '@plume/contract/insights/insight-schemas';
import { formatTime } from '../../lib/format-time.ts';

const count = (value: number) => Math.round(value).toLocaleString('en');

const VERDICT: Record<NonNullable<TargetPrediction['verdict']>, { text: string; tone: string }> = {
  below: { text: 'below the expected range', tone: 'text-danger' },
  within: { text: 'within the expected range', tone: 'text-success' },
  above: { text: 'above the expected range', tone: 'text-success' },
};

/**
 * "Predicted vs actual" for one target: the range Plume expected when the post was scheduled and,
 * once it has been out 24 h and measured, what it got. Placed under the target's status.
 */
export function PredictedVsActual({
  prediction,
  timezone,
}: {
  /** None when the post was never scheduled or approved, or its account had too little history. */
  prediction: TargetPrediction | undefined;
  timezone: string;
}) {
  if (prediction === undefined) return null;
  const verdict = prediction.verdict === null ? null : VERDICT[prediction.verdict];
  return (
    <div className="mt-2 rounded-md bg-subtle px-3 py-2 text-sm" aria-label="Predicted vs actual">
      <p className="text-ink">
        <span className="font-medium">Predicted</span> {count(prediction.low)}–{count(prediction.high)} engagements
        <span className="text-muted">
          {' '}
          (about {count(prediction.expected)}, from {prediction.historyPosts} posts, on{' '}
          {formatTime(prediction.predictedAt, timezone)})
        </span>
      </p>
      {prediction.actual === null || verdict === null ? (
        <p className="text-muted">The actual result shows here once the post has been out 24 hours and measured.</p>
      ) : (
        <p className="text-ink">
          <span className="font-medium">Actual</span> {count(prediction.actual)} engagements ·{' '}
          <span className={verdict.tone}>{verdict.text}</span>
        </p>
      )}
    </div>
  );
}
