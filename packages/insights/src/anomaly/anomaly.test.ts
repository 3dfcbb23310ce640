import { describe, expect, it } from 'vitest';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';
import { seededRandom } from '../test-support/synthetic-history.ts';
import { classifySnapshot, FAILURE_ACTIONS, VIRAL_ACTIONS } from './classify-snapshot.ts';
import { buildExpectedCurve, type MeasuredPost } from './expected-curve.ts';

// A typical post has 100 engagements after 24 h and reaches a fixed share of them by each age.
const share: Record<number, number> = {
  15: 0.2,
  60: 0.45,
  240: 0.75,
  720: 0.9,
  1440: 1,
  4320: 1.1,
  10080: 1.15,
  43200: 1.2,
};
function pastPosts(count: number, offsets: readonly number[] = SNAPSHOT_OFFSETS_MIN): MeasuredPost[] {
  const random = seededRandom(3);
  return Array.from({ length: count }, (_, i) => {
    const scale = Math.exp((random() - 0.5) * 0.6);
    return {
      publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
      snapshots: offsets.map((offsetMin) => ({
        offsetMin,
        engagements: Math.round(100 * (share[offsetMin] ?? 1) * scale),
      })),
    };
  });
}

describe('buildExpectedCurve', () => {
  it("follows the account's own snapshots at every offset", () => {
    const curve = buildExpectedCurve(pastPosts(30));
    expect(curve.map((point) => point.offsetMin)).toEqual([...SNAPSHOT_OFFSETS_MIN]);
    expect(curve.every((point) => point.source === 'account')).toBe(true);
    expect(Math.expm1(curve.find((point) => point.offsetMin === 60)!.centreLog)).toBeGreaterThan(35);
    expect(Math.expm1(curve.find((point) => point.offsetMin === 60)!.centreLog)).toBeLessThan(55);
  });

  it('falls back to the public share curve where the account has too few readings', () => {
    const curve = buildExpectedCurve(pastPosts(10, [1440]));
    const early = curve.find((point) => point.offsetMin === 15)!;
    expect(early.source).toBe('prior');
    expect(Math.expm1(early.centreLog)).toBeGreaterThan(5);
    expect(Math.expm1(early.centreLog)).toBeLessThan(60);
    expect(buildExpectedCurve([])).toEqual([]);
  });
});

describe('classifySnapshot', () => {
  const curve = buildExpectedCurve(pastPosts(30));

  it('flags a post far above the curve at its age as viral, with actions', () => {
    const result = classifySnapshot(curve, { ageMinutes: 60, engagements: 400 });
    expect(result.verdict).toBe('viral');
    expect(result.ratio).toBeGreaterThan(5);
    expect(result.actions).toEqual(VIRAL_ACTIONS);
  });

  it('flags a post far below as a failure of reach, but not in its first hour', () => {
    expect(classifySnapshot(curve, { ageMinutes: 240, engagements: 2 }).verdict).toBe('failure');
    expect(classifySnapshot(curve, { ageMinutes: 240, engagements: 2 }).actions).toEqual(FAILURE_ACTIONS);
    expect(classifySnapshot(curve, { ageMinutes: 15, engagements: 0 }).verdict).toBe('normal');
  });

  it('calls a typical reading normal, interpolating between offsets for a late snapshot', () => {
    expect(classifySnapshot(curve, { ageMinutes: 60, engagements: 45 }).verdict).toBe('normal');
    const late = classifySnapshot(curve, { ageMinutes: 120, engagements: 58 });
    expect(late.verdict).toBe('normal');
    expect(late.expected).toBeGreaterThan(45);
    expect(late.expected).toBeLessThan(75);
  });

  it('says unknown without any curve', () => {
    expect(classifySnapshot([], { ageMinutes: 60, engagements: 1000 }).verdict).toBe('unknown');
  });
});
