import type { PostingSlotView } from '@plume/contract/posting-slots/slot-schemas';
/** One weekly posting time on the workspace clock: weekday 0 = Sunday … 6 = Saturday, time `HH:mm`. */
export type PostingSlot = PostingSlotView;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** What the "add" form offers: one weekday, Monday to Friday, or every day. */
export type DayChoice = `${number}` | 'weekdays' | 'every_day';

export const DAY_CHOICES: readonly { value: DayChoice; label: string }[] = [
  { value: 'weekdays', label: 'Monday to Friday' },
  { value: 'every_day', label: 'Every day' },
  // Monday first, as calendars in most of the world show the week.
  ...[1, 2, 3, 4, 5, 6, 0].map((day) => ({ value: `${day}` as DayChoice, label: WEEKDAY_NAMES[day] ?? '' })),
];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for a time the API takes (`HH:mm`, 00:00–23:59). */
export function isSlotTime(value: string): boolean {
  return TIME.test(value);
}

function daysOf(choice: DayChoice): number[] {
  if (choice === 'weekdays') return [1, 2, 3, 4, 5];
  if (choice === 'every_day') return [0, 1, 2, 3, 4, 5, 6];
  const day = Number(choice);
  return Number.isInteger(day) && day >= 0 && day <= 6 ? [day] : [];
}

// Monday-first order for display; the API does not care about order.
const weekOrder = (weekday: number) => (weekday + 6) % 7;

/** Slots in week order (Monday first), then by time. */
export function sortSlots(slots: readonly PostingSlot[]): PostingSlot[] {
  return [...slots].sort((a, b) => weekOrder(a.weekday) - weekOrder(b.weekday) || a.time.localeCompare(b.time));
}

/**
 * Adds `time` on the chosen days, skipping days that already have it (the API refuses a slot listed twice).
 * @example addSlots([], 'weekdays', '09:00').length // 5
 */
export function addSlots(slots: readonly PostingSlot[], choice: DayChoice, time: string): PostingSlot[] {
  if (!isSlotTime(time)) return sortSlots(slots);
  const added = daysOf(choice)
    .filter((weekday) => !slots.some((slot) => slot.weekday === weekday && slot.time === time))
    .map((weekday) => ({ weekday, time }));
  return sortSlots([...slots, ...added]);
}

/** Every slot but the one given. */
export function removeSlot(slots: readonly PostingSlot[], gone: PostingSlot): PostingSlot[] {
  return slots.filter((slot) => slot.weekday !== gone.weekday || slot.time !== gone.time);
}

/** Slots grouped by day, Monday first, leaving out days without any. */
export function groupByWeekday(slots: readonly PostingSlot[]): { weekday: number; name: string; times: string[] }[] {
  const sorted = sortSlots(slots);
  const days = [...new Set(sorted.map((slot) => slot.weekday))];
  return days.map((weekday) => ({
    weekday,
    name: WEEKDAY_NAMES[weekday] ?? String(weekday),
    times: sorted.filter((slot) => slot.weekday === weekday).map((slot) => slot.time),
  }));
}

/** True when both lists hold the same slots, in any order (to tell whether there is anything to save). */
export function sameSlots(a: readonly PostingSlot[], b: readonly PostingSlot[]): boolean {
  const key = (slots: readonly PostingSlot[]) =>
    sortSlots(slots)
      .map((slot) => `${slot.weekday} ${slot.time}`)
      .join(',');
  return key(a) === key(b);
}

/** The earliest of several accounts' next slots (`at` is ISO UTC); null when none has one. */
export function earliestSlot<T extends { at: string }>(candidates: readonly (T | null)[]): T | null {
  let best: T | null = null;
  for (const candidate of candidates) {
    if (candidate && (!best || Date.parse(candidate.at) < Date.parse(best.at))) best = candidate;
  }
  return best;
}
