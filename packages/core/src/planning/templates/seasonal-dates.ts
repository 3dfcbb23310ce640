/** The day a seasonal rule falls on in a year, as `YYYY-MM-DD` (pure calendar arithmetic in UTC). */
import type { SeasonalRule } from '@plume/contract/planning/seasonal-rules';

const DAY_MS = 86_400_000;

function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Western Easter Sunday of a Gregorian year (the anonymous Gregorian computus, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDay(year, month, day);
}

function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n === -1) {
    const last = utcDay(year, month + 1, 0);
    return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
  }
  const first = utcDay(year, month, 1);
  return addDays(first, ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
}

/** The rule's date in `year`; null when it does not exist that year (a 5th weekday, 29 February). */
export function dateOfRule(rule: SeasonalRule, year: number): Date | null {
  switch (rule.kind) {
    case 'fixed': {
      const date = utcDay(year, rule.month, rule.day);
      return date.getUTCMonth() === rule.month - 1 ? date : null;
    }
    case 'easter':
      return addDays(easterSunday(year), rule.offsetDays);
    case 'weekday_on_or_after': {
      const start = utcDay(year, rule.month, rule.day);
      return addDays(start, (rule.weekday - start.getUTCDay() + 7) % 7);
    }
    case 'nth_weekday': {
      const base = nthWeekday(year, rule.month, rule.weekday, rule.n);
      if (base.getUTCMonth() !== rule.month - 1) return null;
      const date = addDays(base, rule.offsetDays ?? 0);
      if (rule.unlessEasterOffset === undefined) return date;
      const clash = addDays(easterSunday(year), rule.unlessEasterOffset);
      return clash.getTime() === date.getTime() ? addDays(date, rule.shiftDays ?? 0) : date;
    }
  }
}

/** `dateOfRule` as `YYYY-MM-DD`, or null. */
export function dayOfRule(rule: SeasonalRule, year: number): string | null {
  const date = dateOfRule(rule, year);
  return date ? isoDay(date) : null;
}
