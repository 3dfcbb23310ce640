import { describe, expect, it } from 'vitest';
import { findMostSimilar, jaccard, shinglesOf } from './duplicate-check.ts';

describe('duplicate check', () => {
  it('builds word shingles without URLs or hashtags', () => {
    expect([...shinglesOf('Fresh beans, today! https://x.example #coffee')]).toEqual(['fresh beans today']);
    expect([...shinglesOf('One two three four')]).toEqual(['one two three', 'two three four']);
  });

  it('measures Jaccard similarity', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('finds the most similar recent post', () => {
    const post = 'Our new cold brew kit is here: grind coarse, steep overnight, and enjoy a smooth cup every morning.';
    const recent = [
      'Totally different post about our roastery tour.',
      'Our new cold brew kit is here: grind coarse, steep overnight, and enjoy a smooth cup every single morning!',
    ];
    const match = findMostSimilar(post, recent);
    expect(match?.index).toBe(1);
    expect(match!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(findMostSimilar(post, [])).toBeUndefined();
  });
});
