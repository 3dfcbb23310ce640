/** The strategy as the API shows it: with the template's seasonal dates ahead in the workspace's calendar. */
import type { Database } from '@plume/db/client';
import { findIndustryTemplate, calendarLocaleFor } from '../templates/industry-templates.ts';
import { seasonalDatesAhead, type SeasonalDate } from '../templates/seasonal-ahead.ts';
import { getTemplateCopy } from './template-copy-store.ts';
import { getWorkspaceStrategy, type StoredStrategy } from './strategy-store.ts';

export const SEASONAL_DAYS_AHEAD = 90;

export const NO_STRATEGY_HINT =
  'No strategy yet: run the onboarding wizard to start one from an industry template, or write one here.';

export type StrategyView = {
  strategy: StoredStrategy | null;
  upcoming: SeasonalDate[];
  calendarLocale: string | null;
  timezone: string;
  hint: string | null;
};

/** Today's date (YYYY-MM-DD) on the wall clock of `timeZone`. */
export function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function viewStrategy(
  db: Database,
  workspace: { id: string; timezone: string; locale: string },
  now: Date,
  strategy?: StoredStrategy | null,
): Promise<StrategyView> {
  const current = strategy === undefined ? await getWorkspaceStrategy(db, workspace.id) : strategy;
  const calendarLocale = calendarLocaleFor(current?.locale ?? workspace.locale);
  const copy = await getTemplateCopy(db, workspace.id);
  const template = copy?.template ?? (current?.templateId ? findIndustryTemplate(current.templateId) : undefined);
  const upcoming =
    template && calendarLocale
      ? seasonalDatesAhead(template.seasonal, calendarLocale, localDay(now, workspace.timezone), SEASONAL_DAYS_AHEAD)
      : [];
  return {
    strategy: current,
    upcoming,
    calendarLocale,
    timezone: workspace.timezone,
    hint: current ? null : NO_STRATEGY_HINT,
  };
}
