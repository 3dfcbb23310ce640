import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';
import { PUBLIC_PRIORS } from '../priors/public-priors.ts';
import { median } from '../stats/summary-stats.ts';

/** One past post's readings: engagements at each snapshot offset it was measured at. */
export type MeasuredPost = {
  publishedAt: Date;
  snapshots: readonly { offsetMin: number; engagements: number }[];
};

export type CurvePoint = {
  offsetMin: number;
  /** Typical log(1 + engagements) at that age, and the spread (robust standard deviation) around it. */
  centreLog: number;
  spreadLog: number;
  posts: number;
  /** `account`: from the account's own snapshots; `prior`: the account's level × the public share curve. */
  source: 'account' | 'prior';
};

/** An offset needs this many of the account's posts measured at it before their own curve is used. */
export const MIN_POSTS_PER_OFFSET = 8;
/** Only the latest posts count: engagement drifts over months. */
export const CURVE_RECENT_POSTS = 60;
const MIN_SPREAD_LOG = 0.25;
const PRIOR_SPREAD_LOG = 0.8;

function robustSpread(values: readonly number[]): number {
  const centre = median(values);
  const deviation = median(values.map((value) => Math.abs(value - centre)));
  return Math.max(MIN_SPREAD_LOG, 1.4826 * deviation);
}

/**
 * The account's expected engagement curve by post age, at the snapshot offsets. Where too few of its
 * posts were measured at an offset, the point comes from its typical 24 h result times the share of
 * the 24 h reactions that posts reach by that age in the Klout samples (a wide spread: a guess).
 */
export function buildExpectedCurve(posts: readonly MeasuredPost[]): CurvePoint[] {
  const recent = [...posts]
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, CURVE_RECENT_POSTS);
  const logsAt = (offset: number) =>
    recent.flatMap((post) =>
      post.snapshots.filter((s) => s.offsetMin === offset).map((s) => Math.log1p(s.engagements)),
    );
  const dayLogs = logsAt(1440);
  const dayLevel = dayLogs.length > 0 ? Math.expm1(median(dayLogs)) : null;
  const points: CurvePoint[] = [];
  for (const offsetMin of SNAPSHOT_OFFSETS_MIN) {
    const logs = logsAt(offsetMin);
    if (logs.length >= MIN_POSTS_PER_OFFSET) {
      points.push({
        offsetMin,
        centreLog: median(logs),
        spreadLog: robustSpread(logs),
        posts: logs.length,
        source: 'account',
      });
      continue;
    }
    const share = PUBLIC_PRIORS.engagementShareByOffset[offsetMin];
    if (dayLevel !== null && share !== undefined)
      points.push({
        offsetMin,
        centreLog: Math.log1p(dayLevel * share),
        spreadLog: PRIOR_SPREAD_LOG,
        posts: logs.length,
        source: 'prior',
      });
  }
  return points;
}
