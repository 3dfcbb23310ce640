/**
 * The `scheduled_at` cell of a CSV import: an ISO 8601 instant with its offset, or a wall-clock
 * `YYYY-MM-DD HH:mm` read in the workspace's time zone.
 *
 * Daylight saving: a wall time in the spring-forward gap does not exist, so it is an error (we do not
 * guess which hour was meant); a wall time in the fall-back overlap is the first occurrence (still
 * daylight time). Write the time with an offset to pick the second one.
 */
import { formatWall, wallToUtc } from '../scheduling/zoned-time.ts';

export type ScheduledAtResult = { ok: true; iso: string | null } | { ok: false; message: string };

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const wallTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseScheduledAt(cell: string, zone: string): ScheduledAtResult {
  const value = cell.trim();
  if (value.length === 0) return { ok: true, iso: null };
  if (isoWithOffset.test(value)) {
    const at = Date.parse(value);
    // Date.parse rolls 02-30 over into March; a typo should not move a post.
    const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    return Number.isNaN(at) || !isCalendarDate(year, month, day)
      ? { ok: false, message: `${value} is not a real date and time.` }
      : { ok: true, iso: new Date(at).toISOString() };
  }
  const match = wallTime.exec(value);
  if (!match) {
    return {
      ok: false,
      message: `Use an ISO 8601 time with an offset (2030-05-04T09:00:00+02:00) or YYYY-MM-DD HH:mm in the workspace time zone (${zone}).`,
    };
  }
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59)
    return { ok: false, message: `${value} is not a real date and time.` };
  const wall = { year, month, day, hour, minute };
  const resolved = wallToUtc(zone, wall);
  if (resolved.kind === 'gap') {
    return {
      ok: false,
      message: `${formatWall(wall)} does not exist in ${zone}: the clocks skip it when daylight saving time starts. Pick another time.`,
    };
  }
  return { ok: true, iso: (resolved.kind === 'exact' ? resolved.at : resolved.earlier).toISOString() };
}
