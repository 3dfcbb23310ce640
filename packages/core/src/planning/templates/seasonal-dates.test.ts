import { describe, expect, it } from 'vitest';
import { calendarLocaleFor, localeCalendar } from './industry-templates.ts';
import { dayOfRule, easterSunday, isoDay } from './seasonal-dates.ts';
import type { CalendarLocale } from '@plume/contract/planning/template-schemas';

function holiday(locale: CalendarLocale, id: string, year: number): string | null {
  const event = localeCalendar(locale).events.find((item) => item.id === id);
  if (!event) throw new Error(`${locale} has no ${id}`);
  return dayOfRule(event.rule, year);
}

describe('easterSunday (Gregorian computus)', () => {
  // Dates from published Easter tables (e.g. the US Naval Observatory's list).
  it.each([
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, day) => {
    expect(isoDay(easterSunday(year))).toBe(day);
  });
});

describe('locale calendars', () => {
  it('Thanksgiving is the fourth Thursday of November, Black Friday the day after', () => {
    expect(holiday('en-US', 'thanksgiving', 2026)).toBe('2026-11-26');
    expect(holiday('en-US', 'thanksgiving', 2024)).toBe('2024-11-28');
    expect(holiday('en-US', 'thanksgiving', 2018)).toBe('2018-11-22');
    expect(holiday('en-US', 'black_friday', 2026)).toBe('2026-11-27');
    expect(holiday('en-US', 'cyber_monday', 2026)).toBe('2026-11-30');
  });

  it("Mother's Day differs: US and Germany 2nd Sunday of May, UK three weeks before Easter, France last Sunday of May", () => {
    expect(holiday('en-US', 'mothers_day', 2026)).toBe('2026-05-10');
    expect(holiday('de-DE', 'mothers_day', 2026)).toBe('2026-05-10');
    expect(holiday('en-GB', 'mothering_sunday', 2026)).toBe('2026-03-15');
    expect(holiday('en-GB', 'mothering_sunday', 2025)).toBe('2025-03-30');
    expect(holiday('fr-FR', 'mothers_day', 2026)).toBe('2026-05-31');
    expect(holiday('fr-FR', 'mothers_day', 2025)).toBe('2025-05-25');
  });

  it("France's Fête des mères moves to the first Sunday of June when Pentecost is the last Sunday of May", () => {
    // 2020: Easter 12 April, Pentecost 31 May → Fête des mères 7 June.
    expect(holiday('fr-FR', 'mothers_day', 2020)).toBe('2020-06-07');
  });

  it('last-weekday and Easter-based rules', () => {
    expect(holiday('en-US', 'memorial_day', 2026)).toBe('2026-05-25');
    expect(holiday('en-GB', 'spring_bank_holiday', 2026)).toBe('2026-05-25');
    expect(holiday('en-GB', 'summer_bank_holiday', 2026)).toBe('2026-08-31');
    expect(holiday('en-GB', 'good_friday', 2026)).toBe('2026-04-03');
    expect(holiday('de-DE', 'ascension', 2026)).toBe('2026-05-14');
    expect(holiday('de-DE', 'whit_monday', 2026)).toBe('2026-05-25');
    expect(holiday('de-DE', 'rosenmontag', 2026)).toBe('2026-02-16');
    expect(holiday('fr-FR', 'mardi_gras', 2026)).toBe('2026-02-17');
    expect(holiday('de-DE', 'first_advent', 2026)).toBe('2026-11-29');
    expect(holiday('de-DE', 'first_advent', 2025)).toBe('2025-11-30');
    expect(holiday('de-DE', 'first_advent', 2027)).toBe('2027-11-28');
  });

  it('a date that does not exist in a year is null', () => {
    expect(dayOfRule({ kind: 'fixed', month: 2, day: 29 }, 2026)).toBeNull();
    expect(dayOfRule({ kind: 'fixed', month: 2, day: 29 }, 2028)).toBe('2028-02-29');
    expect(dayOfRule({ kind: 'nth_weekday', month: 2, weekday: 0, n: 5 }, 2026)).toBeNull();
  });

  it('picks the calendar of the workspace locale, or of its language', () => {
    expect(calendarLocaleFor('en-GB')).toBe('en-GB');
    expect(calendarLocaleFor('en')).toBe('en-US');
    expect(calendarLocaleFor('de-AT')).toBe('de-DE');
    expect(calendarLocaleFor('fr-ca')).toBe('fr-FR');
    expect(calendarLocaleFor('ja-JP')).toBeNull();
  });
});
