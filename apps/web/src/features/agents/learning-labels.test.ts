import { describe, expect, it } from 'vitest';
import { proposedShares, weekLabel } from './learning-labels.ts';

describe('the learning run page', () => {
  it('names a week by its Monday', () => {
    expect(weekLabel('2026-11-23')).toBe('23 November 2026');
  });

  it('finds the shares a run would apply: the first month of a proposal, a retrospective’s, none otherwise', () => {
    const month = (share: number) => ({
      month: '2027-01',
      themes: ['t'],
      pillarMix: [{ pillar: 'a', share }],
      reasons: ['r'],
    });
    expect(
      proposedShares({
        kind: 'intelligence_strategy',
        output: { strategy: { months: [month(100), month(90)] } },
      }),
    ).toEqual([{ key: 'a', share: 100 }]);
    const retrospective = { adjustments: {} };
    expect(proposedShares({ kind: 'learning', output: { learning: { retrospective } } })).toEqual([]);
    expect(proposedShares({ kind: 'learning', output: { learning: { retrospective: null } } })).toBeNull();
    expect(proposedShares({ kind: 'intelligence', output: {} })).toBeNull();
  });
});
