import { describe, expect, it } from 'vitest';
import { AppError } from '@plume/errors/app-error';
import { estimateTokens } from '@plume/llm/gateway/routing';
import { flagBestModels } from './compare-models.ts';
import type { ModelStats } from './model-stats.ts';
import { promptTokensOf } from './prompt-size.ts';

const row = (model: string, fields: Partial<ModelStats>): ModelStats => ({
  provider: 'ollama',
  model,
  task: 'caption',
  calls: 10,
  successRate: 1,
  p50LatencyMs: null,
  p95LatencyMs: null,
  p50FirstTokenMs: null,
  costPer1kTokensMicros: null,
  totalCostMicros: 0,
  inputTokens: 1000,
  outputTokens: 1000,
  avgQuality: null,
  cacheHits: 0,
  ...fields,
});

describe('flagBestModels', () => {
  it('flags the fastest, cheapest and best rated, every model sharing a best value, never an unmeasured one', () => {
    const flagged = flagBestModels([
      row('a', { p50LatencyMs: 900, costPer1kTokensMicros: 0, avgQuality: 80 }),
      row('b', { p50LatencyMs: 400, costPer1kTokensMicros: 150, avgQuality: 92 }),
      row('c', { p50LatencyMs: 400, costPer1kTokensMicros: 0 }),
      row('unmeasured', {}),
    ]);
    expect(flagged.map(({ model, fastest, cheapest, bestQuality }) => [model, fastest, cheapest, bestQuality])).toEqual(
      [
        ['a', false, true, false],
        ['b', true, false, true],
        ['c', true, true, false],
        ['unmeasured', false, false, false],
      ],
    );
  });
});

describe('promptTokensOf', () => {
  it('takes tokens as given and converts characters with the router’s own estimate', () => {
    expect(promptTokensOf({ promptTokens: 120 })).toBe(120);
    for (const chars of [0, 1, 4, 5, 4001])
      expect(promptTokensOf({ promptChars: chars })).toBe(estimateTokens('x'.repeat(chars)));
  });

  it('asks for one of the two fields when neither is given', () => {
    expect(() => promptTokensOf({})).toThrow(AppError);
  });
});
