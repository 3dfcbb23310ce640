import { describe, expect, it } from 'vitest';
import { gridFromHourLifts } from './best-time-grid.ts';
import { candidateTimes } from './candidate-times.ts';
import { placeBriefs } from './place-briefs.ts';
import type { BestTimeGrid, PlacementBrief, PlacementInput, SlotRules } from './placement-types.ts';

const ZONE = 'Europe/Berlin';
/** Lift 1 everywhere but the given hours (every weekday). */
const peaks = (hours: Record<number, number>): BestTimeGrid =>
  gridFromHourLifts(
    Array.from({ length: 24 }, (_, hour) => hours[hour] ?? 1),
    0.5,
  );
const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  zone: ZONE,
  cadencePerWeek: { bluesky: 7 },
  postsPerDayPerAccount: 2,
  quietHours: [{ fromMinute: 22 * 60, toMinute: 7 * 60 }],
  minGapMinutes: 120,
  ...over,
});
const brief = (id: string, over: Partial<PlacementBrief> = {}): PlacementBrief => ({
  id,
  network: 'bluesky',
  accountId: 'acc-1',
  pillar: 'tips',
  ...over,
});
// Monday 2026-07-13 00:00 to Monday 2026-07-20 00:00 in Berlin (UTC+2).
const week = { from: new Date('2026-07-12T22:00:00Z'), to: new Date('2026-07-19T22:00:00Z') };
const input = (over: Partial<PlacementInput>): PlacementInput => ({
  briefs: [brief('b1')],
  scheduled: [],
  bestTimes: new Map([['acc-1', peaks({ 10: 2, 18: 1.5 })]]),
  rules: rules(),
  range: week,
  now: new Date('2026-07-01T00:00:00Z'),
  ...over,
});

describe('placeBriefs', () => {
  it('puts a brief at the best hour, earliest day first, and says so in local time', () => {
    const { placements, unplaced } = placeBriefs(input({}));
    expect(unplaced).toEqual([]);
    expect(placements[0]).toMatchObject({ briefId: 'b1', local: '2026-07-13 10:00', lift: 2, confidence: 0.5 });
    expect(placements[0]?.at.toISOString()).toBe('2026-07-13T08:00:00.000Z');
  });

  it('spreads a week of posts over days at the best hour before doubling up on a day', () => {
    const briefs = ['a', 'b', 'c'].map((id) => brief(id));
    const { placements } = placeBriefs(input({ briefs }));
    expect(placements.map((p) => p.local)).toEqual(['2026-07-13 10:00', '2026-07-14 10:00', '2026-07-15 10:00']);
  });

  it('keeps the minimum gap from posts already scheduled and takes the next best time', () => {
    const scheduled = [{ accountId: 'acc-1', at: new Date('2026-07-13T07:30:00Z') }]; // 09:30 local
    const { placements } = placeBriefs(input({ scheduled, briefs: [brief('b1', { day: '2026-07-13' })] }));
    expect(placements[0]?.local).toBe('2026-07-13 18:00');
  });

  it('never places in the past', () => {
    const now = new Date('2026-07-16T09:00:00Z'); // Thursday 11:00 local, after that day's 10:00 peak
    const { placements } = placeBriefs(input({ now, briefs: [brief('a'), brief('b', { day: '2026-07-16' })] }));
    expect(placements.map((p) => p.local)).toEqual(['2026-07-16 18:00', '2026-07-17 10:00']);
    const late = placeBriefs(input({ now: new Date('2026-07-20T00:00:00Z') }));
    expect(late.unplaced).toEqual([
      { briefId: 'b1', reason: 'no_time_left', message: 'The week being planned is already over.' },
    ]);
  });

  it('keeps out of quiet hours even when they hold the best hour', () => {
    const bestTimes = new Map([['acc-1', peaks({ 23: 5, 12: 1.1 })]]);
    const { placements } = placeBriefs(input({ bestTimes }));
    expect(placements[0]?.local).toBe('2026-07-13 12:00');
    const allQuiet = rules({ quietHours: [{ fromMinute: 0, toMinute: 24 * 60 }] });
    expect(placeBriefs(input({ rules: allQuiet })).unplaced[0]).toMatchObject({ reason: 'quiet_hours' });
  });

  it('stops at the weekly cadence, counting posts already scheduled', () => {
    const scheduled = [{ accountId: 'acc-1', at: new Date('2026-07-17T08:00:00Z') }];
    const result = placeBriefs(
      input({ scheduled, briefs: [brief('a'), brief('b')], rules: rules({ cadencePerWeek: { bluesky: 2 } }) }),
    );
    expect(result.placements.map((p) => p.briefId)).toEqual(['a']);
    expect(result.unplaced[0]).toMatchObject({ briefId: 'b', reason: 'cadence_reached' });
    expect(result.unplaced[0]?.message).toContain('2 posts that week');
    const none = placeBriefs(input({ rules: rules({ cadencePerWeek: { bluesky: 0 } }) }));
    expect(none.unplaced[0]).toMatchObject({
      reason: 'cadence_reached',
      message: 'The strategy plans no posts on bluesky.',
    });
  });

  it('stops at the daily cap on a pinned day and names it', () => {
    const scheduled = [{ accountId: 'acc-1', at: new Date('2026-07-14T06:00:00Z') }];
    const result = placeBriefs(
      input({ scheduled, briefs: [brief('a', { day: '2026-07-14' })], rules: rules({ postsPerDayPerAccount: 1 }) }),
    );
    expect(result.unplaced).toEqual([
      {
        briefId: 'a',
        reason: 'daily_cap_reached',
        message: 'The daily cap (1 post a day per account) is reached on every day left.',
      },
    ]);
  });

  it('reports a pinned day outside the range and a day with no room left for the gap', () => {
    const outside = placeBriefs(input({ briefs: [brief('a', { day: '2026-07-25' })] }));
    expect(outside.unplaced[0]).toMatchObject({
      reason: 'day_outside_range',
      message: 'Its day, 2026-07-25, is not in the week being planned.',
    });
    const tight = rules({ minGapMinutes: 24 * 60, postsPerDayPerAccount: 5 });
    const crowded = placeBriefs(
      input({ rules: tight, briefs: [brief('a', { day: '2026-07-15' }), brief('b', { day: '2026-07-15' })] }),
    );
    expect(crowded.unplaced[0]).toMatchObject({ briefId: 'b', reason: 'no_gap' });
  });

  it('places pinned briefs first so a free brief does not take their day', () => {
    const result = placeBriefs(
      input({
        briefs: [brief('free'), brief('pinned', { day: '2026-07-13' })],
        rules: rules({ postsPerDayPerAccount: 1 }),
      }),
    );
    expect(result.placements.find((p) => p.briefId === 'pinned')?.local).toBe('2026-07-13 10:00');
    expect(result.placements.find((p) => p.briefId === 'free')?.local).toBe('2026-07-14 10:00');
  });

  it('never puts two posts of one account in the same minute, even with no minimum gap', () => {
    const scheduled = [{ accountId: 'acc-1', at: new Date('2026-07-13T08:00:00Z') }];
    const noGap = rules({ minGapMinutes: 0, postsPerDayPerAccount: 5 });
    const { placements } = placeBriefs(input({ scheduled, rules: noGap, briefs: [brief('a', { day: '2026-07-13' })] }));
    expect(placements[0]?.local).toBe('2026-07-13 18:00');
  });

  it('keeps accounts apart: another account’s posts do not block this one', () => {
    const scheduled = [{ accountId: 'acc-2', at: new Date('2026-07-13T08:00:00Z') }];
    expect(placeBriefs(input({ scheduled })).placements[0]?.local).toBe('2026-07-13 10:00');
  });

  it('uses the public prior for an account without best times', () => {
    const { placements } = placeBriefs(input({ bestTimes: new Map() }));
    expect(placements[0]?.confidence).toBe(0);
    expect(placements[0]?.lift).toBeGreaterThan(1);
  });

  it('follows the local hour across the autumn change of clocks', () => {
    // Berlin leaves summer time on Sunday 2026-10-25: 10:00 is 08:00 UTC before, 09:00 UTC after.
    const range = { from: new Date('2026-10-18T22:00:00Z'), to: new Date('2026-10-25T23:00:00Z') };
    const briefs = Array.from({ length: 7 }, (_, i) => brief(`d${i}`));
    const { placements } = placeBriefs(input({ range, briefs, now: new Date('2026-10-01T00:00:00Z') }));
    expect(placements.map((p) => p.local.slice(11))).toEqual(new Array(7).fill('10:00'));
    expect(placements.at(-2)?.at.toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(placements.at(-1)?.at.toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('offers each local hour once on the days clocks change', () => {
    // Berlin: 2026-03-29 skips 02:00–03:00 (23 hours); 2026-10-25 repeats 02:00–03:00, offered once (24).
    const spring = candidateTimes(ZONE, {
      from: new Date('2026-03-28T23:00:00Z'),
      to: new Date('2026-03-29T22:00:00Z'),
    });
    expect(spring.map((time) => time.hour)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, i) => i + 3)]);
    const autumn = candidateTimes(ZONE, {
      from: new Date('2026-10-24T22:00:00Z'),
      to: new Date('2026-10-25T23:00:00Z'),
    });
    expect(autumn.map((time) => time.hour)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(autumn[2]?.at.toISOString()).toBe('2026-10-25T00:00:00.000Z'); // the first 02:00, still summer time
  });

  it('varies times by a few minutes with a natural cadence, the same for the same seed', () => {
    const briefs = Array.from({ length: 5 }, (_, i) => brief(`n${i}`));
    const run = (seed: number) => placeBriefs(input({ briefs, naturalCadence: { maxMinutes: 7, seed } })).placements;
    const first = run(42);
    expect(run(42)).toEqual(first);
    expect(first.some((p) => p.naturalOffsetMinutes !== 0)).toBe(true);
    for (const p of first) {
      // Moved at most 7 minutes from 10:00, so 09:53–10:07 local.
      expect(Math.abs(p.naturalOffsetMinutes)).toBeLessThanOrEqual(7);
      const minuteOfDay = Number(p.local.slice(11, 13)) * 60 + Number(p.local.slice(14, 16));
      expect(minuteOfDay).toBe(10 * 60 + p.naturalOffsetMinutes);
    }
  });
});
