import { describe, expect, it } from 'vitest';
import type { ModelStats } from './model-stats.ts';
import { proposeFor } from './optimize-policies.ts';

const row = (model: string, fields: Partial<ModelStats>): ModelStats => ({
  provider: 'ollama',
  model,
  task: 'caption',
  calls: 10,
  successRate: 1,
  p50LatencyMs: 1000,
  p95LatencyMs: 2000,
  p50FirstTokenMs: 200,
  costPer1kTokensMicros: 0,
  totalCostMicros: 0,
  inputTokens: 1000,
  outputTokens: 1000,
  avgQuality: null,
  cacheHits: 0,
  ...fields,
});
const current = {
  mode: 'local_first' as const,
  candidates: [
    { provider: 'ollama', model: 'auto' },
    { provider: 'openai', model: 'gpt-4o-mini' },
  ],
};

describe('proposeFor', () => {
  it('puts the fastest reliable model within 5 quality points of the best first, keeping the rest as fallbacks', () => {
    const rows = [
      row('slow-best', { p50LatencyMs: 3000, avgQuality: 90 }),
      row('fast-good', { p50LatencyMs: 800, avgQuality: 86 }),
      row('fastest-poor', { p50LatencyMs: 300, avgQuality: 70 }),
      row('fastest-flaky', { p50LatencyMs: 100, avgQuality: 95, successRate: 0.8 }),
    ];
    const proposal = proposeFor('caption', current, rows);
    expect(proposal.proposed).toEqual({
      mode: 'fastest',
      candidates: [{ provider: 'ollama', model: 'fast-good' }, ...current.candidates],
    });
    expect(proposal.reason).toContain('median 800 ms');
  });

  it('proposes nothing without enough calls or reliable models', () => {
    expect(proposeFor('caption', current, [row('new', { calls: 2 })]).proposed).toBeNull();
    expect(proposeFor('caption', current, [row('flaky', { successRate: 0.5 })]).reason).toContain('95 %');
  });

  it('uses speed alone when no model has quality scores, and says so when the policy already agrees', () => {
    const rows = [row('a', { p50LatencyMs: 900 }), row('b', { p50LatencyMs: 400 })];
    const proposed = proposeFor('caption', current, rows).proposed;
    expect(proposed?.candidates[0]).toEqual({ provider: 'ollama', model: 'b' });
    const again = proposeFor('caption', proposed ?? current, rows);
    expect(again.proposed).toBeNull();
    expect(again.reason).toContain('already puts it first');
  });
});
