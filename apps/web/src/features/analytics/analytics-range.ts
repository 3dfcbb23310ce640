import { shiftDate } from '@plume/contract/analytics/analytics-query';

/** The presets of the range picker, in days ending today. */
export const RANGE_PRESETS = [7, 28, 90, 365] as const;

/** Today's date (YYYY-MM-DD) on `timeZone`'s clock. @example todayIn('Pacific/Auckland', now) */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((found, part) => ({ ...found, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The last `days` days up to and including today on the zone's clock. */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const to = todayIn(timeZone, now);
  return { from: shiftDate(to, -(days - 1)), to };
}

/** A day as people read it, without a time (the zone is said once on the page). */
export function formatDay(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
