import { describe, expect, it } from 'vitest';
import { daysOfWeek, isMonday, isRealDay, mondayOf, startOfDay, weekRange, weeksOfMonth } from './plan-calendar.ts';
import { pillarMix } from './plan-detail.ts';

describe('plan calendar', () => {
  it('lists the Mondays of every week a month touches', () => {
    // March 2027 starts on a Monday and ends on a Wednesday.
    expect(weeksOfMonth('2027-03')).toEqual(['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29']);
    // May 2027 starts on a Saturday: its first week is the one of Monday 26 April.
    expect(weeksOfMonth('2027-05')[0]).toBe('2027-04-26');
    expect(weeksOfMonth('2027-05').at(-1)).toBe('2027-05-31');
  });

  it('knows real days and Mondays', () => {
    expect(isRealDay('2027-02-29')).toBe(false);
    expect(isRealDay('2028-02-29')).toBe(true);
    expect(isMonday('2027-03-01')).toBe(true);
    expect(isMonday('2027-03-02')).toBe(false);
    expect(mondayOf('2027-03-07')).toBe('2027-03-01');
    expect(daysOfWeek('2027-03-29')).toEqual([
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
      '2027-04-02',
      '2027-04-03',
      '2027-04-04',
    ]);
  });

  it("starts days at the zone's midnight, across daylight saving", () => {
    expect(startOfDay('Europe/Berlin', '2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(startOfDay('Europe/Berlin', '2027-03-29').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    // The week of the spring change is an hour short.
    const { from, to } = weekRange('Europe/Berlin', '2027-03-22');
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(7 * 24 - 1);
  });
});

describe('pillar mix', () => {
  it('counts live briefs per pillar beside the strategy share, normalised', () => {
    const briefs = [
      { pillar: 'tips', state: 'brief' as const },
      { pillar: 'tips', state: 'drafted' as const },
      { pillar: 'product', state: 'scheduled' as const },
      { pillar: 'product', state: 'replaced' as const },
      { pillar: 'memes', state: 'brief' as const },
    ];
    const mix = pillarMix(briefs, [
      { key: 'tips', name: 'Tips', share: 3 },
      { key: 'product', name: 'Product', share: 1 },
    ]);
    expect(mix).toEqual([
      { pillar: 'tips', name: 'Tips', planned: 2, plannedShare: 50, strategyShare: 75 },
      { pillar: 'product', name: 'Product', planned: 1, plannedShare: 25, strategyShare: 25 },
      { pillar: 'memes', name: 'memes', planned: 1, plannedShare: 25, strategyShare: null },
    ]);
    expect(pillarMix([], [])).toEqual([]);
  });
});
