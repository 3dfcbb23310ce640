import { describe, expect, it } from 'vitest';
import { countSyllables, fleschReadingEase, scoreReadability } from './readability.ts';

describe('readability', () => {
  it('counts English syllables with the usual heuristic', () => {
    expect(['the', 'coffee', 'brewing', 'make', 'table', 'readability', 'cried'].map(countSyllables)).toEqual([
      1, 2, 2, 1, 2, 5, 1,
    ]);
  });

  it('rates plain English as easy and dense prose as hard', () => {
    expect(fleschReadingEase('The cat sat on the mat.')).toBeCloseTo(116.1, 0);
    const plain = scoreReadability('Cold brew is easy. Grind the beans. Wait a day. Enjoy it cold.', 'en-GB');
    expect(plain.score).toBe(1);
    expect(plain.reason).toMatch(/^Reading ease 100 of 100 \(Flesch\): easy to read\.$/);
    const dense = scoreReadability(
      'Organizational transformation necessitates comprehensive stakeholder alignment regarding operational prioritization methodologies and institutional accountability frameworks.',
      'en',
    );
    expect(dense.score).toBe(0);
    expect(dense.reason).toContain('hard to read');
  });

  it('ignores URLs and hashtags', () => {
    expect(scoreReadability('https://plume.example/x #a #b', 'en')).toEqual({
      score: 1,
      reason: 'There is no prose to read, only links or tags.',
    });
  });

  it('uses sentence length for other languages', () => {
    const result = scoreReadability('Le café est prêt. Venez goûter.', 'fr');
    expect(result.score).toBe(1);
    expect(result.reason).toBe(
      'Sentences average 3 words: easy to follow (sentence-length check; the Flesch formula is for English).',
    );
  });
});
