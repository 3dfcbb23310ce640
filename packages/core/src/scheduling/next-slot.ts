/**
 * Posting slots are wall-clock times per weekday in the workspace's zone ("Tuesdays 09:00"). This
 * turns them into UTC instants day by day and picks the first one that is free.
 *
 * Daylight saving, decided once here:
 * - a slot in the spring-forward gap (02:30 on the night clocks jump 02:00 → 03:00) moves forward by
 *   the gap and happens at 03:30 that day, so the day keeps its slot;
 * - a slot in the fall-back overlap (02:30 when 02:00–03:00 happens twice) happens once, at the first
 *   occurrence (still daylight time).
 */
import { addDays, utcToWall, wallToUtc, type WallTime } from './zoned-time.ts';

export type Slot = { weekday: number; minuteOfDay: number };

export type NextSlotQuery = {
  zone: string;
  slots: readonly Slot[];
  /** The answer is strictly later than this. */
  after: Date;
  /** Minutes already taken, as `Math.floor(epochMs / 60_000)`. */
  occupiedMinutes: ReadonlySet<number>;
  /** How many days to look ahead before giving up. */
  horizonDays: number;
};

/** The instant a slot happens on one calendar day, with the DST rules above. */
export function slotInstant(zone: string, date: WallTime, minuteOfDay: number): Date {
  const wall = { ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
  const resolved = wallToUtc(zone, wall);
  if (resolved.kind === 'exact') return resolved.at;
  if (resolved.kind === 'gap') return resolved.shifted;
  return resolved.earlier;
}

/** Every slot instant of one calendar day, in time order and without repeats (a shifted slot may meet another). */
export function slotsOnDay(zone: string, date: WallTime & { weekday: number }, slots: readonly Slot[]): Date[] {
  const instants = slots
    .filter((slot) => slot.weekday === date.weekday)
    .map((slot) => slotInstant(zone, date, slot.minuteOfDay).getTime());
  return [...new Set(instants)].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** The earliest free slot after `after`, or null when none is free within the horizon. */
export function nextFreeSlot(query: NextSlotQuery): Date | null {
  return freeSlots(query, 1)[0] ?? null;
}

/** Up to `limit` free slots after `after`, earliest first, within the horizon. */
export function freeSlots(query: NextSlotQuery, limit: number): Date[] {
  const found: Date[] = [];
  if (query.slots.length === 0) return found;
  const start = utcToWall(query.zone, query.after);
  // Day 0 is the local date of `after`; one extra day covers slots late on the last day.
  for (let offset = 0; offset <= query.horizonDays; offset += 1) {
    const date = addDays(start, offset);
    for (const instant of slotsOnDay(query.zone, date, query.slots)) {
      if (instant.getTime() <= query.after.getTime()) continue;
      if (query.occupiedMinutes.has(Math.floor(instant.getTime() / 60_000))) continue;
      found.push(instant);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
