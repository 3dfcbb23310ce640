/**
 * Whatever it is given, placement's answer keeps the rules the plan checks test: no time in quiet
 * hours, over the weekly cadence or the daily cap (posts already scheduled included), closer than the
 * minimum gap, in the past or outside the range; every brief is either placed or given a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridFromHourLifts } from '../placement/best-time-grid.ts';
import { placeBriefs } from '../placement/place-briefs.ts';
import type { PlacementInput } from '../placement/placement-types.ts';
import { checkSlots } from './check-slots.ts';
import type { PlannedPost } from './plan-types.ts';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
// Weeks that hold a change of clocks somewhere in ZONES, and a quiet one.
const WEEK_STARTS = ['2026-03-23T00:00:00Z', '2026-10-19T00:00:00Z', '2026-04-02T12:00:00Z', '2026-07-13T00:00:00Z'];
const ACCOUNTS = [
  { accountId: 'a1', network: 'bluesky' },
  { accountId: 'a2', network: 'x' },
  { accountId: 'a3', network: 'mastodon' },
];
const WEEK_MS = 7 * 86_400_000;

const inputs = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    weekStart: fc.constantFrom(...WEEK_STARTS),
    nowOffsetHours: fc.integer({ min: -48, max: 100 }),
    briefs: fc.array(
      fc.record({ account: fc.integer({ min: 0, max: 2 }), dayOffset: fc.option(fc.integer({ min: -1, max: 8 })) }),
      { maxLength: 30 },
    ),
    scheduled: fc.array(
      fc.record({ account: fc.integer({ min: 0, max: 2 }), minute: fc.integer({ min: -2000, max: 12_000 }) }),
      { maxLength: 12 },
    ),
    cadence: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })),
    cap: fc.integer({ min: 1, max: 4 }),
    gap: fc.oneof(fc.constantFrom(0, 60, 120, 180), fc.integer({ min: 0, max: 600 })),
    quiet: fc.option(fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }))),
    lifts: fc.array(fc.double({ min: 0.2, max: 3, noNaN: true }), { minLength: 24, maxLength: 24 }),
    jitter: fc.option(fc.record({ maxMinutes: fc.integer({ min: 0, max: 30 }), seed: fc.integer() })),
  })
  .map((drawn): PlacementInput => {
    const from = new Date(drawn.weekStart);
    const dayOf = (offset: number) => new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    return {
      briefs: drawn.briefs.map((b, i) => {
        const account = ACCOUNTS[b.account]!;
        return {
          id: `b${i}`,
          ...account,
          pillar: 'tips',
          ...(b.dayOffset === null ? {} : { day: dayOf(b.dayOffset) }),
        };
      }),
      scheduled: drawn.scheduled.map((s) => ({
        accountId: ACCOUNTS[s.account]!.accountId,
        at: new Date(from.getTime() + s.minute * 60_000),
      })),
      bestTimes: new Map([['a1', gridFromHourLifts(drawn.lifts, 0.4)]]),
      rules: {
        zone: drawn.zone,
        cadencePerWeek: { bluesky: drawn.cadence[0], x: drawn.cadence[1] },
        postsPerDayPerAccount: drawn.cap,
        quietHours: drawn.quiet === null ? [] : [{ fromMinute: drawn.quiet[0], toMinute: drawn.quiet[1] }],
        minGapMinutes: drawn.gap,
      },
      range: { from, to: new Date(from.getTime() + WEEK_MS) },
      now: new Date(from.getTime() + drawn.nowOffsetHours * 3_600_000),
      ...(drawn.jitter === null ? {} : { naturalCadence: drawn.jitter }),
    };
  });

describe('placement against the plan checks', () => {
  it('never breaks a slot rule, never places in the past, and answers for every brief', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { placements, unplaced } = placeBriefs(input);
        const plan: PlannedPost[] = placements.map((p) => ({
          id: p.briefId,
          pillar: 'tips',
          text: 'x',
          network: p.network,
          accountId: p.accountId,
          at: p.at,
        }));
        expect(checkSlots(plan, input.rules, input.scheduled)).toEqual([]);
        for (const p of placements) {
          expect(p.at.getTime()).toBeGreaterThan(input.now.getTime());
          expect(p.at.getTime()).toBeGreaterThanOrEqual(input.range.from.getTime());
          expect(p.at.getTime()).toBeLessThan(input.range.to.getTime());
        }
        const answered = [...placements.map((p) => p.briefId), ...unplaced.map((u) => u.briefId)].sort();
        expect(answered).toEqual(input.briefs.map((b) => b.id).sort());
        for (const u of unplaced) expect(u.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 120 },
    );
  });
});
