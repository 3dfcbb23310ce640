import { describe, expect, it } from 'vitest';
import { emergencyPrompt, summarizeText } from './replace-post.ts';

describe("the emergency replacement's prompt", () => {
  it('folds whitespace and keeps a short text whole', () => {
    expect(summarizeText('  Summer sale\n\nstarts   tomorrow ')).toBe('Summer sale starts tomorrow');
  });

  it('cuts a long text at a word, marked', () => {
    const long = 'word '.repeat(100);
    const summary = summarizeText(long);
    expect(summary.length).toBeLessThanOrEqual(281);
    expect(summary.endsWith('word…')).toBe(true);
  });

  it('gives the reason and what the pulled post said', () => {
    const prompt = emergencyPrompt('The sale was called off.', 'Half price on everything tomorrow!');
    expect(prompt).toContain('Why it was pulled: The sale was called off.');
    expect(prompt).toContain('The pulled post said: "Half price on everything tomorrow!"');
  });
});
