/**
 * A comparable slot for variant B of an A/B test (docs/planning.md "A/B tests in plans"). Pure: the
 * caller loads the plan's placed posts, the scheduled posts, the rules and the best-time grid.
 *
 * B is comparable to A when it is on the same account, in the future, on a day of the plan's month,
 * on another local day than A but within 7 days of it, on the same kind of day (Monday–Friday or
 * Saturday–Sunday), and keeps the slot rules (cadence, daily cap, quiet hours, minimum gap) with
 * everything else planned or scheduled. Then by kind:
 * - `text`: the same time of day (local hour within ±2 of A's) and the same expected result: the
 *   best-time grid's lift at B's hour within ±15 % of A's (|ln(lift B / lift A)| ≤ ln 1.15), so only the
 *   text differs;
 * - `time`: at least 3 hours from A's local hour, so the time is what differs.
 */
import type { AbTestKind } from '@plume/contract/planning/ab-test-enums';
import { checkSlots } from '../checks/check-slots.ts';
import type { PlannedPost } from '../checks/plan-types.ts';
import { candidateTimes } from '../placement/candidate-times.ts';
import type { BestTimeGrid, ScheduledPost, SlotRules } from '../placement/placement-types.ts';
import { localInstant, type LocalInstant } from '../placement/slot-calendar.ts';

export const TEXT_HOUR_WINDOW = 2;
export const LIFT_TOLERANCE = 0.15;
export const TIME_MIN_HOUR_SHIFT = 3;
export const SEARCH_DAYS = 7;
const DAY_MS = 86_400_000;
const B_ID = 'ab-variant-b';

export type ComparableInput = {
  kind: AbTestKind;
  zone: string;
  a: { id: string; accountId: string; network: string; pillar: string; at: Date };
  grid: BestTimeGrid;
  /** Days (`YYYY-MM-DD`) B may fall on: the plan's month. */
  allowedDays: ReadonlySet<string>;
  now: Date;
  rules: SlotRules;
  /** The plan's placed live briefs (A among them). */
  planned: readonly PlannedPost[];
  scheduled: readonly ScheduledPost[];
};

export type ComparableSlot = { at: Date; local: string; lift: number; liftA: number };

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;
const liftAt = (grid: BestTimeGrid, local: LocalInstant) => grid.lift[local.weekday]?.[local.hour] ?? 1;
const pad = (value: number) => String(value).padStart(2, '0');
const wall = (local: LocalInstant) => `${local.dayKey} ${pad(local.hour)}:${pad(local.minuteOfDay % 60)}`;
const daysApart = (a: Date, b: Date) => Math.round(Math.abs(a.getTime() - b.getTime()) / DAY_MS);

/** The first rule `at` breaks as a comparable slot for B, in plain words; null when it is comparable (slot rules aside). */
function comparabilityProblem(input: ComparableInput, at: Date): string | null {
  const a = localInstant(input.zone, input.a.at);
  const b = localInstant(input.zone, at);
  if (at.getTime() <= input.now.getTime()) return 'This time is in the past.';
  if (!input.allowedDays.has(b.dayKey)) return `${b.dayKey} is not in the plan's month.`;
  if (b.dayKey === a.dayKey)
    return 'Variant B must go out on another day than A (one audience should not see both in a day).';
  if (Math.abs(at.getTime() - input.a.at.getTime()) > SEARCH_DAYS * DAY_MS)
    return `Variant B must be within ${SEARCH_DAYS} days of A.`;
  if (isWeekend(a.weekday) !== isWeekend(b.weekday))
    return `Variant B must be on a ${isWeekend(a.weekday) ? 'weekend day' : 'weekday'}, like A.`;
  const hourShift = Math.abs(b.hour - a.hour);
  if (input.kind === 'time')
    return hourShift < TIME_MIN_HOUR_SHIFT
      ? `A time test needs a time at least ${TIME_MIN_HOUR_SHIFT} hours from A's (${pad(a.hour)}:00).`
      : null;
  if (hourShift > TEXT_HOUR_WINDOW)
    return `A text test needs about the same time of day as A: within ${TEXT_HOUR_WINDOW} hours of ${pad(a.hour)}:00.`;
  const ratio = liftAt(input.grid, b) / liftAt(input.grid, a);
  if (Math.abs(Math.log(ratio)) > Math.log(1 + LIFT_TOLERANCE))
    return `This hour is expected to do ×${ratio.toFixed(2)} as well as A's; a text test needs within ±${LIFT_TOLERANCE * 100} %.`;
  return null;
}

/** The slot rules B would break there (cadence, daily cap, quiet hours, gap), in their own words. */
function slotRuleProblem(input: ComparableInput, at: Date): string | null {
  const b: PlannedPost = { ...input.a, id: B_ID, text: '', at };
  const broken = checkSlots([...input.planned, b], input.rules, input.scheduled).filter((violation) =>
    violation.postIds.includes(B_ID),
  );
  return broken.length === 0 ? null : broken.map((violation) => violation.message).join(' ');
}

/** Why `at` cannot hold variant B, or null when it can. */
export function checkComparableSlot(input: ComparableInput, at: Date): string | null {
  return comparabilityProblem(input, at) ?? slotRuleProblem(input, at);
}

function describe(input: ComparableInput, local: LocalInstant): ComparableSlot {
  return {
    at: local.at,
    local: wall(local),
    lift: liftAt(input.grid, local),
    liftA: liftAt(input.grid, localInstant(input.zone, input.a.at)),
  };
}

/**
 * The best comparable whole hour, or null. `text`: the nearest time of day to A's, then the nearest
 * day, then the earlier; `time`: the nearest day, then the best expected hour, then the earlier.
 */
export function findComparableSlot(input: ComparableInput): ComparableSlot | null {
  const from = new Date(Math.max(input.now.getTime(), input.a.at.getTime() - SEARCH_DAYS * DAY_MS));
  const to = new Date(input.a.at.getTime() + SEARCH_DAYS * DAY_MS + 1);
  const a = localInstant(input.zone, input.a.at);
  const ranked = candidateTimes(input.zone, { from, to })
    .filter((local) => comparabilityProblem(input, local.at) === null)
    .map((local) => ({
      local,
      hourShift: Math.abs(local.hour - a.hour),
      days: daysApart(local.at, input.a.at),
      lift: liftAt(input.grid, local),
    }))
    .sort((x, y) =>
      input.kind === 'text'
        ? x.hourShift - y.hourShift || x.days - y.days || x.local.at.getTime() - y.local.at.getTime()
        : x.days - y.days || y.lift - x.lift || x.local.at.getTime() - y.local.at.getTime(),
    );
  const found = ranked.find((candidate) => slotRuleProblem(input, candidate.local.at) === null);
  return found === undefined ? null : describe(input, found.local);
}

/** How B's slot compares with A's, in plain words, for the brief's placement reason. */
export function describeComparable(kind: AbTestKind, slot: Pick<ComparableSlot, 'lift' | 'liftA'>): string {
  return kind === 'text'
    ? `A/B test variant B (text): a comparable slot to A's, expected ×${slot.lift.toFixed(2)} against A's ×${slot.liftA.toFixed(2)}.`
    : `A/B test variant B (time): the same text at another time, expected ×${slot.lift.toFixed(2)} against A's ×${slot.liftA.toFixed(2)}.`;
}
