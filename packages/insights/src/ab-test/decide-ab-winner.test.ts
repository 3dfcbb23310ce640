import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../test-support/synthetic-history.ts';
import { decideAbWinner, PRIOR_POST_TO_POST_SPREAD } from './decide-ab-winner.ts';
import { postToPostSpread } from './post-to-post-spread.ts';
import { binomialTwoSidedP, twoSidedNormalP } from './significance.ts';

// Expected p-values computed outside this code: exact sums with Python's fractions, and math.erfc.
describe('significance', () => {
  it('matches the exact two-sided binomial test and the normal tail', () => {
    expect(binomialTwoSidedP(7, 10, 0.5)).toBeCloseTo(0.34375, 9);
    expect(binomialTwoSidedP(3, 3, 0.5)).toBeCloseTo(0.25, 9);
    expect(binomialTwoSidedP(6, 6, 0.5)).toBeCloseTo(0.03125, 9);
    expect(binomialTwoSidedP(2, 20, 0.3)).toBeCloseTo(0.05262794872972712, 8);
    expect(binomialTwoSidedP(8, 9, 2 / 7)).toBeCloseTo(0.000298164176501, 10);
    expect(binomialTwoSidedP(200, 330, 0.5)).toBeCloseTo(0.000138175508464, 9);
    expect(binomialTwoSidedP(0, 0, 0.5)).toBe(1);
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedNormalP(4.5762876195627555) / 4.732997268162341e-6).toBeCloseTo(1, 5);
  });
});

describe('decideAbWinner', () => {
  const ab = (a: number, b: number, impressions?: [number, number]) => ({
    a: { engagements: a, impressions: impressions?.[0] ?? null },
    b: { engagements: b, impressions: impressions?.[1] ?? null },
    ageHours: 24,
  });

  it('waits for 24 hours', () => {
    expect(decideAbWinner({ ...ab(500, 10), ageHours: 23.5 })).toEqual({
      outcome: 'no_clear_winner',
      reason: 'too_early',
      method: null,
      pValue: null,
    });
  });

  it('compares engagement rates with a two-proportion z-test when impressions are known', () => {
    const decision = decideAbWinner({ ...ab(60, 120, [2000, 2000]), postToPostSpread: 0 });
    expect(decision).toMatchObject({ outcome: 'winner', winner: 'b', method: 'two_proportion_z', lift: 2 });
    expect(decision.pValue! / 4.732997268162341e-6).toBeCloseTo(1, 4);
    // Same counts, B seen by twice as many people: the same rate, no winner.
    expect(decideAbWinner({ ...ab(60, 120, [2000, 4000]), postToPostSpread: 0 })).toMatchObject({
      outcome: 'no_clear_winner',
      reason: 'within_noise',
      pValue: 1,
    });
  });

  it('calls a tie no clear winner', () => {
    expect(decideAbWinner(ab(50, 50, [1000, 1000]))).toMatchObject({
      outcome: 'no_clear_winner',
      reason: 'within_noise',
      pValue: 1,
    });
    expect(decideAbWinner(ab(0, 0))).toMatchObject({ outcome: 'no_clear_winner', reason: 'within_noise', pValue: 1 });
    expect(decideAbWinner(ab(41, 41))).toMatchObject({ outcome: 'no_clear_winner', method: 'exact_poisson' });
  });

  it('judges tiny counts exactly: 3 to 0 is noise, 6 to 0 is not', () => {
    const three = decideAbWinner({ ...ab(3, 0), postToPostSpread: 0 });
    expect(three).toMatchObject({ outcome: 'no_clear_winner', reason: 'within_noise' });
    expect(three.pValue).toBeCloseTo(0.25, 9);
    const five = decideAbWinner({ ...ab(0, 5), postToPostSpread: 0 });
    expect(five).toMatchObject({ outcome: 'no_clear_winner', reason: 'within_noise' });
    expect(five.pValue).toBeCloseTo(0.0625, 9);
    expect(decideAbWinner({ ...ab(6, 0), postToPostSpread: 0 })).toMatchObject({
      outcome: 'winner',
      winner: 'a',
      lift: null,
    });
  });

  it('uses the exact test with exposure when impressions are too few for the z-test or engagements exceed them', () => {
    // 8 of 9 engagements on A, which had 2 of 7 parts of the impressions.
    const few = decideAbWinner({ ...ab(8, 1, [20, 50]), postToPostSpread: 0 });
    expect(few).toMatchObject({ outcome: 'winner', winner: 'a', method: 'exact_poisson' });
    expect(few.pValue).toBeCloseTo(0.000298164176501, 10);
    expect(decideAbWinner({ ...ab(300, 100, [200, 200]), postToPostSpread: 0 })).toMatchObject({
      method: 'exact_poisson',
      winner: 'a',
    });
  });

  it('needs a difference beyond the account’s post-to-post spread too', () => {
    expect(decideAbWinner({ ...ab(200, 130), postToPostSpread: 0 })).toMatchObject({ outcome: 'winner', winner: 'a' });
    expect(decideAbWinner({ ...ab(200, 130), postToPostSpread: 0.1 })).toMatchObject({
      outcome: 'winner',
      winner: 'a',
    });
    expect(decideAbWinner({ ...ab(200, 130), postToPostSpread: 0.3 })).toMatchObject({
      outcome: 'no_clear_winner',
      reason: 'within_post_to_post_noise',
    });
    // Without the account's spread the prior's applies: twice the rate on one post each is not enough.
    expect(PRIOR_POST_TO_POST_SPREAD).toBe(0.8);
    expect(decideAbWinner(ab(120, 60, [2000, 2000]))).toMatchObject({ reason: 'within_post_to_post_noise' });
    expect(decideAbWinner(ab(2000, 100, [5000, 5000]))).toMatchObject({ outcome: 'winner', winner: 'a', lift: 20 });
  });

  it('honours a stricter alpha', () => {
    expect(decideAbWinner({ ...ab(6, 0), postToPostSpread: 0, alpha: 0.01 })).toMatchObject({
      outcome: 'no_clear_winner',
    });
  });
});

describe('postToPostSpread', () => {
  it('recovers the noise of a synthetic account and says nothing on a short history', () => {
    // The synthetic noise is (u1 + u2 + u3 − 1.5) × 1.0: standard deviation 0.5.
    const history = syntheticHistory({ posts: 400, noise: 1, mediaEffect: 0, level: () => 4 });
    expect(postToPostSpread(history)).toBeGreaterThan(0.42);
    expect(postToPostSpread(history)).toBeLessThan(0.62);
    expect(postToPostSpread(history.slice(0, 15))).toBeNull();
  });
});
