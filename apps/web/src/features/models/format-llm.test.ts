import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatLatency,
  formatShare,
  formatUsd,
  humanizeId,
  ollamaDownMessage,
  parseCap,
  percentOfCap,
  providerKindName,
} from './format-llm.ts';

describe('format-llm', () => {
  it('formats dollars with small amounts kept', () => {
    expect(formatUsd(0.0042)).toBe('$0.0042');
    expect(formatUsd(12)).toBe('$12.00');
    expect(formatUsd(null)).toBe('—');
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2_019_393_189)).toBe('1.9 GB');
  });

  it('formats shares, latency and ids', () => {
    expect(formatShare(0.953)).toBe('95 %');
    expect(formatLatency(850)).toBe('850 ms');
    expect(formatLatency(2400)).toBe('2.4 s');
    expect(formatLatency(null)).toBe('—');
    expect(humanizeId('best_quality')).toBe('Best quality');
  });

  it('names providers as their vendors write them, never "Openai"', () => {
    expect(
      ['openai', 'anthropic', 'groq', 'perplexity', 'meta', 'openai_compatible', 'ollama'].map(providerKindName),
    ).toEqual(['OpenAI', 'Anthropic', 'Groq', 'Perplexity', 'Meta Llama API', 'OpenAI-compatible', 'Ollama']);
  });

  it('says once why Ollama is down', () => {
    const reason = 'Ollama is not running at http://127.0.0.1:11434: start it with `ollama serve`.';
    const message = ollamaDownMessage({ url: 'http://127.0.0.1:11434', reason });
    expect(message).toBe(reason);
    expect(message.split('is not running').length - 1).toBe(1);
    expect(ollamaDownMessage({ url: 'http://ollama.lan:11434', reason: null })).toBe(
      'Plume could not reach Ollama at http://ollama.lan:11434. Start it with `ollama serve` on that machine.',
    );
  });

  it('measures use against a cap', () => {
    expect(percentOfCap(1, 4)).toBe(25);
    expect(percentOfCap(9, 4)).toBe(100);
    expect(percentOfCap(1, null)).toBeNull();
    expect(percentOfCap(0, 0)).toBe(100);
  });

  it('reads caps typed in a form', () => {
    expect(parseCap('')).toBeNull();
    expect(parseCap(' 2.50 ')).toBe(2.5);
    expect(parseCap('-1')).toBeUndefined();
    expect(parseCap('abc')).toBeUndefined();
  });
});
