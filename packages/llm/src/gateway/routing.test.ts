import { describe, expect, it } from 'vitest';
import { createCircuitBreakers } from './circuit-breaker.ts';
import { costMicros, priceOf, PRICE_TABLE, UNKNOWN_MODEL_PRICE } from './price-table.ts';
import { defaultPolicy, filterCapable, orderCandidates, type ResolvedCandidate } from './routing.ts';

const needs = { estimatedInputTokens: 1000, maxOutputTokens: 500, webSearch: false };
const candidates: ResolvedCandidate[] = [
  { provider: 'openai', model: 'gpt-4o', kind: 'openai', contextWindow: 128_000 },
  { provider: 'groq', model: 'llama-3.1-8b-instant', kind: 'groq' },
  { provider: 'ollama', model: 'llama3.2:latest', kind: 'ollama', contextWindow: 1024 },
  { provider: 'anthropic', model: 'claude-3-5-haiku-latest', kind: 'anthropic' },
];
const names = (list: readonly ResolvedCandidate[]) => list.map((candidate) => candidate.provider);

describe('price table', () => {
  it('matches dated model names to their family and prefers the longest entry', () => {
    expect(priceOf('openai', 'gpt-4o-mini-2024-07-18').price).toEqual(PRICE_TABLE.prices.openai['gpt-4o-mini']);
    expect(priceOf('openai', 'gpt-4o-2024-08-06').price).toEqual(PRICE_TABLE.prices.openai['gpt-4o']);
    expect(priceOf('anthropic', 'claude-sonnet-4-20250514')).toEqual({
      price: PRICE_TABLE.prices.anthropic['claude-sonnet-4'],
      version: PRICE_TABLE.version,
    });
  });

  it('prices local models at zero and unknown cloud models at the dearest tier', () => {
    expect(priceOf('ollama', 'llama3.2')).toEqual({ price: { inputPerMTok: 0, outputPerMTok: 0 }, version: 'local' });
    expect(priceOf('openai', 'gpt-9-turbo')).toEqual({ price: UNKNOWN_MODEL_PRICE, version: 'unpriced' });
    expect(priceOf('openai', 'gpt-4omni')).toEqual({ price: UNKNOWN_MODEL_PRICE, version: 'unpriced' });
  });

  it('computes cost in micro-dollars, rounded up, with per-request fees', () => {
    expect(costMicros({ inputPerMTok: 0.15, outputPerMTok: 0.6 }, { inputTokens: 1000, outputTokens: 500 })).toBe(450);
    expect(
      costMicros({ inputPerMTok: 1, outputPerMTok: 1, perRequest: 0.005 }, { inputTokens: 1, outputTokens: 0 }),
    ).toBe(5001);
    expect(costMicros({ inputPerMTok: 0, outputPerMTok: 0 }, { inputTokens: 10_000, outputTokens: 10_000 })).toBe(0);
  });
});

describe('routing', () => {
  it('puts local providers first by default and search models first for research', () => {
    const available = [
      { id: 'openai', kind: 'openai' as const },
      { id: 'perplexity', kind: 'perplexity' as const },
      { id: 'ollama', kind: 'ollama' as const },
      { id: 'groq', kind: 'groq' as const },
    ];
    expect(defaultPolicy('caption', available)).toEqual({
      mode: 'local_first',
      candidates: [
        { provider: 'ollama', model: 'auto' },
        { provider: 'groq', model: 'llama-3.1-8b-instant' },
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'perplexity', model: 'sonar' },
      ],
    });
    expect(defaultPolicy('research', available).candidates[0]).toEqual({ provider: 'perplexity', model: 'sonar' });
  });

  it('drops models whose context window is too small, and non-search models for web tasks, saying why', () => {
    const { usable, excluded } = filterCapable(candidates, needs);
    expect(names(usable)).toEqual(['openai', 'groq', 'anthropic']);
    expect(excluded).toEqual([
      { provider: 'ollama', model: 'llama3.2:latest', reason: 'needs about 1500 tokens; the model takes 1024' },
    ]);
    expect(filterCapable(candidates, { ...needs, webSearch: true }).usable).toEqual([]);
  });

  it('orders by mode, keeping the policy order on ties', () => {
    expect(names(orderCandidates('local_first', candidates, needs, () => undefined))).toEqual([
      'ollama',
      'openai',
      'groq',
      'anthropic',
    ]);
    expect(names(orderCandidates('cheapest', candidates, needs, () => undefined))).toEqual([
      'ollama',
      'groq',
      'anthropic',
      'openai',
    ]);
    const latency: Record<string, number> = { anthropic: 300, groq: 120 };
    expect(
      names(
        orderCandidates('fastest', candidates, needs, (c) =>
          latency[c.provider] === undefined
            ? undefined
            : { p50LatencyMs: latency[c.provider] ?? null, avgQuality: null, calls: 5 },
        ),
      ),
    ).toEqual(['groq', 'anthropic', 'openai', 'ollama']);
    const quality: Record<string, number> = { groq: 71, ollama: 64 };
    expect(
      names(
        orderCandidates('best_quality', candidates, needs, (c) =>
          quality[c.provider] === undefined
            ? undefined
            : { p50LatencyMs: null, avgQuality: quality[c.provider] ?? null, calls: 5 },
        ),
      ),
    ).toEqual(['groq', 'ollama', 'openai', 'anthropic']);
  });
});

describe('circuit breaker', () => {
  it('opens after three failures in a row, lets one trial through after the cool-down, and closes on success', () => {
    let clock = 0;
    const breakers = createCircuitBreakers({ failureThreshold: 3, coolDownMs: 1000, now: () => clock });
    for (let i = 0; i < 2; i += 1) breakers.recordFailure('p');
    expect(breakers.tryAcquire('p')).toBe(true);
    breakers.recordFailure('p');
    expect(breakers.view('p')).toEqual({ state: 'open', failures: 3, retryAt: 1000 });
    expect(breakers.tryAcquire('p')).toBe(false);
    clock = 1000;
    expect(breakers.tryAcquire('p')).toBe(true);
    expect(breakers.tryAcquire('p')).toBe(false);
    breakers.recordFailure('p');
    expect(breakers.view('p').state).toBe('open');
    clock = 2000;
    expect(breakers.tryAcquire('p')).toBe(true);
    breakers.recordSuccess('p');
    expect(breakers.view('p')).toEqual({ state: 'closed', failures: 0, retryAt: null });
  });

  it('opens at once for as long as a Retry-After asks', () => {
    let clock = 0;
    const breakers = createCircuitBreakers({ coolDownMs: 30_000, now: () => clock });
    breakers.recordFailure('p', 5000);
    expect(breakers.view('p').retryAt).toBe(5000);
    clock = 5000;
    expect(breakers.tryAcquire('p')).toBe(true);
  });
});
