/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, with Intl only (no date library). Storage is
 * always UTC; a wall time is what a person in the workspace reads on their clock.
 *
 * Daylight saving makes the wall → UTC direction partial: in the spring-forward gap a wall time does
 * not exist, and in the fall-back overlap it exists twice. `wallToUtc` reports both cases instead of
 * guessing; callers decide (the CSV import refuses a gap, posting slots move forward).
 */

/** A wall-clock minute: month 1–12, hour 0–23. */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

export type WallResolution =
  | { kind: 'exact'; at: Date }
  /** Spring forward: this wall time is skipped. `shifted` is the same time moved forward by the gap (02:30 → 03:30). */
  | { kind: 'gap'; shifted: Date }
  /** Fall back: this wall time happens twice; `earlier` is the first (still daylight) occurrence. */
  | { kind: 'ambiguous'; earlier: Date; later: Date };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (an unknown zone would throw a RangeError further in). */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at `instant`, with the weekday (0 = Sunday). */
export function utcToWall(zone: string, instant: Date): WallTime & { weekday: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
  return { ...wall, weekday: new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() };
}

/** The wall time as if it were UTC, in milliseconds: arithmetic on calendar fields without a zone. */
function wallMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** The zone's offset from UTC at `instant`, in milliseconds (Berlin in summer: +7,200,000). */
export function offsetMs(zone: string, instant: number): number {
  const floored = Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  return wallMs(utcToWall(zone, new Date(floored))) - floored;
}

/**
 * Every UTC instant whose wall clock in `zone` reads `wall`: none (gap), one, or two (overlap).
 * Offsets are sampled a day either side, which covers every real zone's transitions (they are
 * months apart), and each candidate is checked by converting it back.
 */
export function wallToUtc(zone: string, wall: WallTime): WallResolution {
  const local = wallMs(wall);
  const offsets = new Set([offsetMs(zone, local - DAY_MS), offsetMs(zone, local), offsetMs(zone, local + DAY_MS)]);
  const matches = [...offsets]
    .map((offset) => local - offset)
    .filter((candidate) => wallMs(utcToWall(zone, new Date(candidate))) === local)
    .sort((a, b) => a - b);
  const [first, second] = matches;
  if (first !== undefined && second !== undefined)
    return { kind: 'ambiguous', earlier: new Date(first), later: new Date(second) };
  if (first !== undefined) return { kind: 'exact', at: new Date(first) };
  // In the gap, the offset before the transition carries the wall time past it: 02:30 CET = 03:30 CEST.
  return { kind: 'gap', shifted: new Date(local - offsetMs(zone, local - DAY_MS)) };
}

/** The calendar date `days` after `wall`'s date (time of day kept), as plain calendar arithmetic. */
export function addDays(wall: WallTime, days: number): WallTime & { weekday: number } {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: wall.hour,
    minute: wall.minute,
    weekday: date.getUTCDay(),
  };
}

/** `HH:mm` ↔ minute of the day. */
export function formatMinuteOfDay(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  return `${String(hours).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

export function parseMinuteOfDay(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `YYYY-MM-DD HH:mm`, the form people type and the CSV import reads. */
export function formatWall(wall: WallTime): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)} ${formatMinuteOfDay(wall.hour * 60 + wall.minute)}`;
}
