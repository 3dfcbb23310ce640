/** A template's seasonal dates in the days ahead, for a locale, from a day of the workspace's calendar. */
import type { CalendarLocale, IndustryTemplate } from '@plume/contract/planning/template-schemas';
import type { SeasonalRule } from '@plume/contract/planning/seasonal-rules';
import { localeCalendar } from './industry-templates.ts';
import { dayOfRule } from './seasonal-dates.ts';

export type SeasonalKind = 'public_holiday' | 'observance' | 'retail' | 'industry';
export type SeasonalDate = { date: string; id: string; name: string; angle: string; kind: SeasonalKind };

type Resolved = { id: string; name: string; angle: string; kind: SeasonalKind; rule: SeasonalRule };

function resolveEntries(seasonal: IndustryTemplate['seasonal'], locale: CalendarLocale): Resolved[] {
  const calendar = localeCalendar(locale);
  return (seasonal[locale] ?? []).flatMap((entry): Resolved[] => {
    if ('holiday' in entry) {
      const event = calendar.events.find((item) => item.id === entry.holiday);
      return event ? [{ ...event, angle: entry.angle }] : [];
    }
    return [{ id: entry.id, name: entry.name, angle: entry.angle, kind: 'industry' as const, rule: entry.rule }];
  });
}

/** Names of holidays a template refers to that its locale's calendar lacks (a test keeps this empty). */
export function unknownHolidays(template: IndustryTemplate): string[] {
  return Object.entries(template.seasonal).flatMap(([locale, entries]) => {
    const ids = new Set(localeCalendar(locale as CalendarLocale).events.map((event) => event.id));
    return (entries ?? []).flatMap((entry) =>
      'holiday' in entry && !ids.has(entry.holiday) ? [`${locale}:${entry.holiday}`] : [],
    );
  });
}

/** Dates from `fromDay` (YYYY-MM-DD, included) to `days` later, earliest first. */
export function seasonalDatesAhead(
  seasonal: IndustryTemplate['seasonal'],
  locale: CalendarLocale,
  fromDay: string,
  days: number,
): SeasonalDate[] {
  const start = Date.parse(`${fromDay}T00:00:00Z`);
  const endDay = new Date(start + days * 86_400_000).toISOString().slice(0, 10);
  const year = Number(fromDay.slice(0, 4));
  const years = Array.from({ length: Math.floor(days / 365) + 2 }, (_unused, index) => year + index);
  const found = resolveEntries(seasonal, locale).flatMap((entry) =>
    years.flatMap((each) => {
      const date = dayOfRule(entry.rule, each);
      return date && date >= fromDay && date <= endDay
        ? [{ date, id: entry.id, name: entry.name, angle: entry.angle, kind: entry.kind }]
        : [];
    }),
  );
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
