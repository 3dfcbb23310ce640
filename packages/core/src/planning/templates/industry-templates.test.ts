import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_LOCALES,
  industryTemplateSchema,
  localeCalendarSchema,
} from '@plume/contract/planning/template-schemas';
import { findIndustryTemplate, listIndustryTemplates } from './industry-templates.ts';
import { seasonalDatesAhead, unknownHolidays } from './seasonal-ahead.ts';

const dataDir = path.join(import.meta.dirname, 'data');
const files = readdirSync(dataDir).filter((name) => name.endsWith('.json'));

describe('industry template files', () => {
  it('there are at least 12, covering the seeds’ verticals', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    const ids = listIndustryTemplates().map((template) => template.id);
    for (const id of ['saas', 'ecommerce', 'local-service', 'restaurant', 'real-estate', 'fitness', 'beauty'])
      expect(ids).toContain(id);
    for (const id of ['automotive', 'education', 'healthcare', 'fashion']) expect(ids).toContain(id);
  });

  it.each(files)('%s is valid: schema, shares sum to 100, known holidays, every locale, sources', (name) => {
    const raw: unknown = JSON.parse(readFileSync(path.join(dataDir, name), 'utf8'));
    const template = industryTemplateSchema.parse(raw);
    expect(`${template.id}.json`).toBe(name);
    expect(template.pillars.reduce((sum, pillar) => sum + pillar.share, 0)).toBe(100);
    expect(Object.keys(template.seasonal).sort()).toEqual([...CALENDAR_LOCALES].sort());
    expect(unknownHolidays(template)).toEqual([]);
    expect(template.sources.every((source) => source.url.startsWith('https://'))).toBe(true);
  });

  it.each(CALENDAR_LOCALES)('the %s calendar is valid and its ids unique', (locale) => {
    const raw: unknown = JSON.parse(readFileSync(path.join(dataDir, 'calendars', `${locale}.json`), 'utf8'));
    const calendar = localeCalendarSchema.parse(raw);
    expect(calendar.locale).toBe(locale);
    expect(new Set(calendar.events.map((event) => event.id)).size).toBe(calendar.events.length);
  });

  it('the schema refuses shares that do not sum to 100, at the pillars', () => {
    const template = findIndustryTemplate('saas')!;
    const broken = { ...template, pillars: template.pillars.map((pillar) => ({ ...pillar, share: 30 })) };
    const result = industryTemplateSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['pillars']);
    expect(result.error?.issues[0]?.message).toContain('add up to 100 (they add up to 120)');
  });
});

describe('seasonalDatesAhead', () => {
  it("lists the restaurant template's US dates in the next 90 days across the new year, in order", () => {
    const template = findIndustryTemplate('restaurant')!;
    const dates = seasonalDatesAhead(template.seasonal, 'en-US', '2026-12-07', 90);
    expect(dates.map((item) => `${item.date} ${item.id}`)).toEqual([
      '2026-12-31 new_years_eve',
      '2027-02-14 valentines_day',
    ]);
    expect(dates[0]?.angle).toBe("New Year's Eve dinner");
  });

  it('includes a template’s own events with their rule', () => {
    const template = findIndustryTemplate('healthcare')!;
    const dates = seasonalDatesAhead(template.seasonal, 'fr-FR', '2026-09-01', 60);
    expect(dates.map((item) => item.date)).toEqual(['2026-09-29', '2026-10-10']);
    expect(dates[0]?.kind).toBe('industry');
  });
});
