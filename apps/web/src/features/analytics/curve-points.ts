import type { PostMetrics } from '@plume/contract/analytics/analytics-schemas';

type Target = PostMetrics['targets'][number];

/** One point of a curve: hours since the post went out, and a value. */
export type CurvePoint = { hours: number; value: number };

/**
 * A named line over the post's age. The target's own engagements are one; a later feature adds others
 * (e.g. the predicted range) through the same shape, so the chart needs no change to show them.
 */
export type CurveSeries = { key: string; name: string; points: CurvePoint[]; dashed?: boolean };

/** The engagements of a target's readings against its age in hours (readings with no number are skipped). */
export function engagementCurve(target: Target): CurveSeries {
  const start = target.publishedAt ? Date.parse(target.publishedAt) : null;
  const points = target.points.flatMap((point) => {
    if (point.engagements === null || start === null) return [];
    return [{ hours: Math.max(0, (Date.parse(point.takenAt) - start) / 3_600_000), value: point.engagements }];
  });
  return { key: 'engagements', name: 'Engagements', points };
}

/** An age in words: `15 min`, `4 h`, `3 d`. */
export function formatAge(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}
