/** The date range every analytics route takes, and the comparison period derived from it. */
import { z } from 'zod';

/** Longest range one request may cover (a year and a day, so "last 365 days" plus today fits). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Years analytics can hold; the comparison period of a range starting in 1970 still has a real calendar. */
const isSupportedYear = (text: string) => text >= '1970-01-01' && text <= '2999-12-31';

/** A calendar day (YYYY-MM-DD) on the workspace's clock. */
export const calendarDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-01.')
  .refine(isCalendarDate, 'This day does not exist on the calendar.')
  .refine(isSupportedYear, 'Choose a day between 1970 and 2999.')
  .meta({ examples: ['2026-01-01'] });

/** Whole days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** `date` moved by `days` calendar days. @example shiftDate('2026-03-01', -1) // '2026-02-28' */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The comparison period: as many days as the range, ending the day before it starts.
 * @example previousPeriod('2026-03-08', '2026-03-14') // { from: '2026-03-01', to: '2026-03-07' }
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = daysInRange(from, to);
  return { from: shiftDate(from, -days), to: shiftDate(from, -1) };
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: days on the workspace's clock, both included. */
export const analyticsRangeQuery = z.object({ from: calendarDate, to: calendarDate }).superRefine((range, issues) => {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to)) return;
  const days = daysInRange(range.from, range.to);
  if (days < 1) issues.addIssue({ code: 'custom', path: ['to'], message: 'The end date comes before the start.' });
  else if (days > MAX_RANGE_DAYS)
    issues.addIssue({ code: 'custom', path: ['to'], message: `Choose at most ${MAX_RANGE_DAYS} days.` });
});
export type AnalyticsRange = z.infer<typeof analyticsRangeQuery>;

export const topPostsQuery = analyticsRangeQuery.safeExtend({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
