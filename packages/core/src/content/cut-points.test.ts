import { describe, expect, it } from 'vitest';
import { findCutPoints } from './cut-points.ts';

describe('findCutPoints', () => {
  it('finds sentence, clause and word ends outside URLs', () => {
    const text = 'Read https://plume.example/a?b=1. Now, go — fast.';
    const cuts = findCutPoints(text);
    const slices = (offsets: number[]) => offsets.map((offset) => text.slice(0, offset));
    expect(slices(cuts.sentence)).toEqual(['Read https://plume.example/a?b=1.', text]);
    expect(slices(cuts.clause)).toEqual([
      'Read https://plume.example/a?b=1. Now',
      'Read https://plume.example/a?b=1. Now, go',
    ]);
    expect(slices(cuts.word)).toEqual([
      'Read',
      'Read https://plume.example/a?b=1.',
      'Read https://plume.example/a?b=1. Now',
      'Read https://plume.example/a?b=1. Now, go',
    ]);
  });
});
