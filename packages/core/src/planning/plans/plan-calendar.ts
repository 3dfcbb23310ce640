/**
 * The plan's calendar words: days are `YYYY-MM-DD` on the workspace's clock, weeks run Monday to
 * Sunday (as placement counts them), and a month's weeks are the Mondays of every week it touches.
 */
import { addDays, wallToUtc, type WallTime } from '../../scheduling/zoned-time.ts';
import { dateKey } from '../placement/slot-calendar.ts';

function wallOf(day: string): WallTime & { weekday: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return addDays({ year, month, day: date, hour: 0, minute: 0 }, 0);
}

/** True for a real calendar date (`2031-02-30` is not one). */
export function isRealDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && dateKey(wallOf(day)) === day;
}

export function isMonday(day: string): boolean {
  return isRealDay(day) && wallOf(day).weekday === 1;
}

export function plusDays(day: string, days: number): string {
  return dateKey(addDays(wallOf(day), days));
}

/** The Monday of the day's week. */
export function mondayOf(day: string): string {
  return plusDays(day, -((wallOf(day).weekday + 6) % 7));
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The instant the local day starts (a midnight skipped by daylight saving starts at the next real time). */
export function startOfDay(zone: string, day: string): Date {
  const resolved = wallToUtc(zone, wallOf(day));
  if (resolved.kind === 'exact') return resolved.at;
  return resolved.kind === 'gap' ? resolved.shifted : resolved.earlier;
}

/** The week as instants, `from` ≤ t < `to`. */
export function weekRange(zone: string, monday: string): { from: Date; to: Date } {
  return { from: startOfDay(zone, monday), to: startOfDay(zone, plusDays(monday, 7)) };
}

/** The Mondays of every week that has a day in the month (`YYYY-MM`). */
export function weeksOfMonth(month: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(`${month}-01`); monthOf(monday) <= month; monday = plusDays(monday, 7)) {
    if (monthOf(plusDays(monday, 6)) >= month) weeks.push(monday);
  }
  return weeks;
}

/** The seven days of a week, Monday first. */
export function daysOfWeek(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => plusDays(monday, index));
}
