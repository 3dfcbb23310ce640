/**
 * The industry templates and locale calendars shipped as JSON files in ./data, validated on first
 * read (a bad file stops the caller with the file's name and the field at fault).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CALENDAR_LOCALES,
  industryTemplateSchema,
  localeCalendarSchema,
  type CalendarLocale,
  type IndustryTemplate,
  type LocaleCalendar,
} from '@plume/contract/planning/template-schemas';
import type { z } from 'zod';

const dataDir = path.join(import.meta.dirname, 'data');

function readJson<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path.basename(file)}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

let templates: IndustryTemplate[] | undefined;
let calendars: Map<CalendarLocale, LocaleCalendar> | undefined;

/** Every template, by name; each file's name is its id. */
export function listIndustryTemplates(): IndustryTemplate[] {
  templates ??= readdirSync(dataDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const template = readJson(path.join(dataDir, name), industryTemplateSchema);
      if (`${template.id}.json` !== name) throw new Error(`${name}: its id is "${template.id}"`);
      return template;
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return templates;
}

export function findIndustryTemplate(id: string): IndustryTemplate | undefined {
  return listIndustryTemplates().find((template) => template.id === id);
}

export function localeCalendar(locale: CalendarLocale): LocaleCalendar {
  calendars ??= new Map(
    CALENDAR_LOCALES.map((name) => [
      name,
      readJson(path.join(dataDir, 'calendars', `${name}.json`), localeCalendarSchema),
    ]),
  );
  const calendar = calendars.get(locale);
  if (!calendar) throw new Error(`no calendar for ${locale}`);
  return calendar;
}

/**
 * The calendar for a workspace's locale: the same tag, else the first of its language
 * (`en` and `en-AU` → en-US, `de-AT` → de-DE, `fr-CA` → fr-FR); null for a language with none.
 */
export function calendarLocaleFor(locale: string): CalendarLocale | null {
  const exact = CALENDAR_LOCALES.find((name) => name.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const language = locale.split('-')[0]?.toLowerCase();
  return CALENDAR_LOCALES.find((name) => name.split('-')[0] === language) ?? null;
}
