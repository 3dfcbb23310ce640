/** Times the inbox computes: snooze choices on the workspace's clock and response times in words. */
import { isoToZonedInput, zonedInputToIso } from '../posts/schedule-time.ts';

/** One "Snooze until…" choice: a label and the instant it means. */
export interface SnoozeChoice {
  id: string;
  label: string;
  until: string;
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` date. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function at(date: string, hour: string, timeZone: string): string {
  return new Date(zonedInputToIso(`${date}T${hour}`, timeZone) ?? `${date}T${hour}:00Z`).toISOString();
}

/**
 * The usual snooze choices from `now`, 9:00 meaning 9:00 on the workspace's clock.
 * @example snoozeChoices(new Date('2031-07-14T10:00:00Z'), 'Europe/Paris')[1] // tomorrow 9:00 Paris
 */
export function snoozeChoices(now: Date, timeZone: string): SnoozeChoice[] {
  const today = isoToZonedInput(now.toISOString(), timeZone).slice(0, 10);
  const tomorrow = addDays(today, 1);
  const daysToMonday = (8 - weekday(today)) % 7 || 7;
  return [
    { id: '3h', label: 'In 3 hours', until: new Date(now.getTime() + 3 * 3_600_000).toISOString() },
    { id: 'tomorrow', label: 'Tomorrow at 9:00', until: at(tomorrow, '09:00', timeZone) },
    { id: 'monday', label: 'Next Monday at 9:00', until: at(addDays(today, daysToMonday), '09:00', timeZone) },
    { id: 'week', label: 'In a week', until: new Date(now.getTime() + 7 * 86_400_000).toISOString() },
  ];
}

/**
 * A response time in words.
 * @example formatMinutes(185) // '3 h 5 min'
 */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  const rounded = Math.round(minutes);
  if (rounded < 1) return 'under a minute';
  if (rounded < 60) return `${rounded} min`;
  if (rounded < 48 * 60) {
    const hours = Math.floor(rounded / 60);
    const rest = rounded % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(rounded / 1440);
  const hours = Math.round((rounded % 1440) / 60);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}
