import { describe, expect, it } from 'vitest';
import { gridFromHourLifts } from '../placement/best-time-grid.ts';
import { checkComparableSlot, findComparableSlot, type ComparableInput } from './comparable-slot.ts';

// Berlin in July is UTC+2. A goes out on Wednesday 2031-07-16 at 10:00.
const at = (local: string) => new Date(`${local}:00+02:00`);
const lifts = Array.from({ length: 24 }, (_, hour) => ({ 9: 1.1, 11: 1.3, 17: 1.5 })[hour] ?? 1);
const a = { id: 'a', accountId: 'acc', network: 'mastodon', pillar: 'tips', at: at('2031-07-16T10:00') };
const days = new Set(Array.from({ length: 31 }, (_, day) => `2031-07-${String(day + 1).padStart(2, '0')}`));

function input(overrides: Partial<ComparableInput> = {}): ComparableInput {
  return {
    kind: 'text',
    zone: 'Europe/Berlin',
    a,
    grid: gridFromHourLifts(lifts, 0),
    allowedDays: days,
    now: at('2031-07-01T00:00'),
    rules: {
      zone: 'Europe/Berlin',
      cadencePerWeek: { mastodon: 5 },
      postsPerDayPerAccount: 2,
      quietHours: [{ fromMinute: 22 * 60, toMinute: 7 * 60 }],
      minGapMinutes: 120,
    },
    planned: [{ ...a, text: '' }],
    scheduled: [],
    ...overrides,
  };
}

describe('comparable slots for variant B', () => {
  it('text: the same hour on the nearest other day, earlier first', () => {
    expect(findComparableSlot(input())).toMatchObject({ at: at('2031-07-15T10:00'), lift: 1, liftA: 1 });
  });

  it('text: keeps the gap to posts already scheduled, and leaves out an hour expected to do differently', () => {
    const scheduled = [
      { accountId: 'acc', at: at('2031-07-15T09:30') },
      { accountId: 'acc', at: at('2031-07-17T10:30') },
    ];
    // Tuesday and Thursday 09:00–11:00 are too near those posts; 11:00 is expected ×1.3, beyond ±15 %.
    expect(findComparableSlot(input({ scheduled }))?.at).toEqual(at('2031-07-14T10:00'));
  });

  it('time: the nearest day, the best hour at least 3 hours from A’s', () => {
    expect(findComparableSlot(input({ kind: 'time' }))).toMatchObject({ at: at('2031-07-15T17:00'), lift: 1.5 });
  });

  it('says why a slot is not comparable', () => {
    const check = (local: string, kind: 'text' | 'time' = 'text') => checkComparableSlot(input({ kind }), at(local));
    expect(check('2031-07-16T16:00', 'time')).toMatch(/another day than A/);
    expect(check('2031-07-19T10:00')).toBe('Variant B must be on a weekday, like A.');
    expect(check('2031-07-24T10:00')).toBe('Variant B must be within 7 days of A.');
    expect(check('2031-07-15T13:00')).toMatch(/within 2 hours of 10:00/);
    expect(check('2031-07-15T11:00')).toMatch(/×1\.30 as well as A's; a text test needs within ±15 %/);
    expect(check('2031-07-15T09:00')).toBeNull();
    expect(check('2031-07-15T11:00', 'time')).toMatch(/at least 3 hours from A's/);
    expect(check('2031-07-15T23:00', 'time')).toMatch(/quiet hours/);
    expect(checkComparableSlot(input({ now: at('2031-07-20T00:00') }), at('2031-07-15T10:00'))).toBe(
      'This time is in the past.',
    );
    expect(checkComparableSlot(input({ allowedDays: new Set(['2031-07-16']) }), at('2031-07-15T10:00'))).toMatch(
      /not in the plan's month/,
    );
  });

  it('keeps the weekly cadence: a full week sends B to a week beside it (the earlier on a tie), or nowhere', () => {
    const busy = ['14', '15', '17', '18'].map((day, index) => ({
      ...a,
      id: `p${index}`,
      text: '',
      at: at(`2031-07-${day}T15:00`),
    }));
    const planned = [{ ...a, text: '' }, ...busy];
    expect(findComparableSlot(input({ planned }))?.at).toEqual(at('2031-07-11T10:00'));
    expect(findComparableSlot(input({ planned, allowedDays: new Set(['2031-07-14', '2031-07-15']) }))).toBeNull();
  });
});
