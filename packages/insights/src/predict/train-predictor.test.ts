import { describe, expect, it } from 'vitest';
import { createLevelTracker } from '../features/recent-level.ts';
import { logEngagementOf } from '../history/history-post.ts';
import { syntheticHistory } from '../test-support/synthetic-history.ts';
import { trainPredictor } from './train-predictor.ts';

describe('trainPredictor', () => {
  // The level climbs from e^2 to e^6 engagements over the history: a model of the all-time mean fails.
  const history = syntheticHistory({ posts: 400, level: (i) => 2 + i / 100, mediaEffect: 0.8, noise: 0.3 });
  const train = history.slice(0, 320);
  const test = history.slice(320);

  it("follows the account's recent level and learns the media effect", () => {
    const predictor = trainPredictor(train);
    const levels = createLevelTracker(history);
    const errors = test.map((post) => Math.abs(predictor.predict(post, levels).expectedLog - logEngagementOf(post)));
    const meanError = errors.reduce((a, b) => a + b, 0) / errors.length;
    expect(meanError).toBeLessThan(0.35);
    const last = test.at(-1)!;
    const withMedia = predictor.predict({ ...last, hasMedia: true }, levels);
    const without = predictor.predict({ ...last, hasMedia: false }, levels);
    expect(withMedia.expectedLog - without.expectedLog).toBeGreaterThan(0.5);
  });

  it('gives a range that holds about 80 % of later results', () => {
    const predictor = trainPredictor(train, { coverage: 0.8 });
    const levels = createLevelTracker(history);
    const inside = test.filter((post) => {
      const prediction = predictor.predict(post, levels);
      const actual = Math.expm1(logEngagementOf(post));
      return prediction.low <= actual && actual <= prediction.high;
    });
    expect(inside.length / test.length).toBeGreaterThan(0.65);
    expect(inside.length / test.length).toBeLessThan(0.95);
  });

  it('never uses the result of a post less than 24 h older than the predicted one', () => {
    const predictor = trainPredictor(train);
    const target = test[40]!;
    const before = predictor.predict(target, history);
    const recentMs = target.publishedAt.getTime() - 23 * 3_600_000;
    const tampered = history.map((post) =>
      post.publishedAt.getTime() >= recentMs ? { ...post, likes: post.likes * 1000 + 50_000 } : post,
    );
    expect(predictor.predict(target, tampered)).toEqual(before);
    const olderMs = target.publishedAt.getTime() - 30 * 3_600_000;
    const older = history.map((post) =>
      post.publishedAt.getTime() < olderMs && post.publishedAt.getTime() > olderMs - 100 * 3_600_000
        ? { ...post, likes: post.likes * 1000 + 50_000 }
        : post,
    );
    expect(predictor.predict(target, older).expected).toBeGreaterThan(before.expected * 5);
  });

  it("answers with the account's median and a wide range when the history is too short", () => {
    const short = syntheticHistory({ posts: 8 });
    const predictor = trainPredictor(short);
    expect(predictor.trainedOn).toBeLessThan(20);
    const prediction = predictor.predict({ publishedAt: new Date('2026-01-01T00:00:00Z'), text: 'draft' }, short);
    expect(prediction.low).toBeLessThan(prediction.expected);
    expect(prediction.high).toBeGreaterThan(prediction.expected);
  });
});
