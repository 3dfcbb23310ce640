import { describe, expect, it } from 'vitest';
import { fitRidge, predictRidge } from './ridge.ts';
import { ranks, spearman } from './spearman.ts';
import { median, quantile, variance } from './summary-stats.ts';

describe('statistics', () => {
  it('ranks ties by their average rank and correlates ranks', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10_000])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3], [10, 30, 20])).toBeCloseTo(0.5);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('interpolates quantiles and computes the sample variance', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(quantile([0, 10], 0.8)).toBeCloseTo(8);
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3);
  });

  it('recovers a linear relation with ridge and ignores a constant column', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i, (i * 7) % 11, 1]);
    const targets = rows.map(([a = 0, b = 0]) => 3 + 2 * a - 0.5 * b);
    const model = fitRidge(rows, targets, 1e-6);
    expect(predictRidge(model, [100, 4, 1])).toBeCloseTo(3 + 200 - 2, 3);
    expect(model.weights[2]).toBe(0);
  });
});
