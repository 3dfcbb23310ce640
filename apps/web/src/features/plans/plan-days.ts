/** Calendar words for the board: days are `YYYY-MM-DD` on the workspace's clock, weeks start on Monday. */

const DAY_MS = 86_400_000;

export function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysOfWeek(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => plusDays(monday, index));
}

/** `Mon 12 May`, read as a calendar date (no zone arithmetic: the day is already the workspace's). */
export function dayLabel(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** The `HH:mm` of a brief's slot on the workspace clock (`slotLocal` is `YYYY-MM-DD HH:mm`). */
export function timeOf(slotLocal: string | null): string | null {
  return slotLocal === null ? null : slotLocal.slice(11);
}
