import type { CurvePoint } from './expected-curve.ts';

export type SnapshotVerdict = 'viral' | 'failure' | 'normal' | 'unknown';

export type SnapshotClassification = {
  verdict: SnapshotVerdict;
  /** How many spreads the reading sits above (+) or below (−) the expected curve at that age. */
  score: number | null;
  expected: number | null;
  /** Actual ÷ expected engagements. */
  ratio: number | null;
  actions: string[];
};

/** Far above: at least this many spreads above the curve, twice the expected count and ≥ 10 engagements. */
export const VIRAL_SCORE = 2;
/** Far below: this many spreads under, once the post is an hour old and the curve expects ≥ 5. */
export const FAILURE_SCORE = -2;

export const VIRAL_ACTIONS = [
  'Answer the replies while attention is high.',
  'Cross-post it to your other accounts.',
  'Pin it to your profile.',
  'Follow up with a related post in the next hours.',
];
export const FAILURE_ACTIONS = [
  'Check that the post is visible: open it signed out, and check the link and media.',
  'Post it again at one of your best hours, with a new opening line.',
  'Share it from another account or channel.',
];

/** The curve's expected log engagement at an age, interpolated on log(age) between offsets. */
function expectedAt(curve: readonly CurvePoint[], ageMinutes: number): { centre: number; spread: number } | null {
  const points = [...curve].sort((a, b) => a.offsetMin - b.offsetMin);
  const first = points[0];
  if (!first) return null;
  if (ageMinutes <= first.offsetMin) return { centre: first.centreLog, spread: first.spreadLog };
  for (let i = 1; i < points.length; i += 1) {
    const before = points[i - 1];
    const after = points[i];
    if (!before || !after || ageMinutes > after.offsetMin) continue;
    const t = Math.log(ageMinutes / before.offsetMin) / Math.log(after.offsetMin / before.offsetMin);
    return {
      centre: before.centreLog + t * (after.centreLog - before.centreLog),
      spread: before.spreadLog + t * (after.spreadLog - before.spreadLog),
    };
  }
  const last = points[points.length - 1] ?? first;
  return { centre: last.centreLog, spread: last.spreadLog };
}

/**
 * Whether an early snapshot runs far above the account's expected curve at that age (viral), far
 * below (a failure of reach) or within the normal range, with suggested actions.
 * @example classifySnapshot(curve, { ageMinutes: 60, engagements: 480 }) // { verdict: 'viral', … }
 */
export function classifySnapshot(
  curve: readonly CurvePoint[],
  reading: { ageMinutes: number; engagements: number },
): SnapshotClassification {
  const point = expectedAt(curve, reading.ageMinutes);
  if (!point) return { verdict: 'unknown', score: null, expected: null, ratio: null, actions: [] };
  const expected = Math.expm1(point.centre);
  const score = (Math.log1p(reading.engagements) - point.centre) / point.spread;
  const ratio = expected > 0 ? reading.engagements / expected : null;
  const base = { score, expected, ratio };
  if (score >= VIRAL_SCORE && reading.engagements >= Math.max(10, 2 * expected))
    return { verdict: 'viral', ...base, actions: VIRAL_ACTIONS };
  if (score <= FAILURE_SCORE && reading.ageMinutes >= 60 && expected >= 5)
    return { verdict: 'failure', ...base, actions: FAILURE_ACTIONS };
  return { verdict: 'normal', ...base, actions: [] };
}
