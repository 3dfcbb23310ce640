import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../test-support/synthetic-history.ts';
import { learnBestTime } from './learn-best-time.ts';
import { suggestFreeTimes } from './suggest-free-times.ts';

const flatPrior = { source: 'test', hourLift: new Array<number>(24).fill(0) };
const peakAtTwentyPrior = {
  source: 'test',
  hourLift: Array.from({ length: 24 }, (_, hour) => (hour === 20 ? 0.5 : 0)),
};

describe('learnBestTime', () => {
  it("finds the account's own best hours when its history is long, with high confidence", () => {
    const history = syntheticHistory({
      posts: 1200,
      everyHours: 5,
      hourEffect: (hour) => (hour === 9 ? 1 : hour === 15 ? 0.6 : 0),
    });
    const best = learnBestTime(history, { zone: 'UTC', network: 'mastodon', prior: peakAtTwentyPrior });
    expect(best.bestHours(2)).toEqual([9, 15]);
    expect(best.hours[9]?.lift).toBeGreaterThan(2);
    expect(best.confidenceLabel).toBe('high');
  });

  it('leans on the prior when the history is short, with low confidence', () => {
    const history = syntheticHistory({ posts: 30, everyHours: 5, hourEffect: (hour) => (hour === 9 ? 1 : 0) });
    const best = learnBestTime(history, { zone: 'UTC', network: 'mastodon', prior: peakAtTwentyPrior });
    expect(best.bestHours(1)).toEqual([20]);
    expect(best.confidenceLabel).toBe('low');
    expect(best.hours[9]!.lift).toBeGreaterThan(1);
    expect(best.hours[9]!.ownWeight).toBeLessThan(0.3);
  });

  it('reads hours in the account zone', () => {
    const history = syntheticHistory({ posts: 1200, everyHours: 5, hourEffect: (hour) => (hour === 9 ? 1 : 0) });
    const best = learnBestTime(history, { zone: 'Asia/Tokyo', network: 'x', prior: flatPrior });
    expect(best.bestHours(1)).toEqual([18]); // 09:00 UTC is 18:00 in Tokyo
  });
});

describe('suggestFreeTimes', () => {
  const history = syntheticHistory({
    posts: 1200,
    everyHours: 5,
    hourEffect: (hour) => (hour === 9 ? 1 : hour === 15 ? 0.6 : 0),
  });
  const best = learnBestTime(history, { zone: 'UTC', network: 'mastodon', prior: flatPrior });
  const from = new Date('2026-05-04T07:10:00Z');
  const to = new Date('2026-05-05T23:00:00Z');

  it('suggests the best whole hours, earliest first among equals', () => {
    const suggestions = suggestFreeTimes(best, { from, to, busy: [], count: 3 });
    expect(suggestions.map((s) => s.at.toISOString())).toEqual([
      '2026-05-04T09:00:00.000Z',
      '2026-05-05T09:00:00.000Z',
      '2026-05-04T15:00:00.000Z',
    ]);
  });

  it('skips busy times and keeps the gap', () => {
    const suggestions = suggestFreeTimes(best, {
      from,
      to,
      busy: [new Date('2026-05-04T09:20:00Z')],
      count: 2,
      minGapMinutes: 90,
    });
    expect(suggestions.map((s) => s.at.toISOString())).toEqual([
      '2026-05-05T09:00:00.000Z',
      '2026-05-04T15:00:00.000Z',
    ]);
  });
});
