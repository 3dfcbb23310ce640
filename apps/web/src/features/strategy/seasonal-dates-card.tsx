import type { StrategyView } from '@plume/contract/planning/strategy-schemas';
import { Card } from '../../components/card.tsx';
import { zoneLabel } from '../../lib/format-time.ts';

const kindLabels = {
  public_holiday: 'Public holiday',
  observance: 'Observance',
  retail: 'Retail',
  industry: 'Industry day',
};

/** `2026-12-31` → `Thu, Dec 31, 2026`: a calendar day, so no zone shift. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The template's seasonal dates in the next 90 days, in the workspace's calendar. */
export function SeasonalDatesCard({ view }: { view: StrategyView }) {
  const where = view.calendarLocale
    ? `From the ${view.calendarLocale} calendar; days in the workspace's zone (${zoneLabel(view.timezone)}).`
    : 'No holiday calendar matches the strategy’s locale yet (calendars: en-US, en-GB, de-DE, fr-FR).';
  return (
    <Card title="Seasonal dates ahead" description={where}>
      {view.upcoming.length === 0 ? (
        <p className="text-sm text-muted">Nothing in the next 90 days for this template.</p>
      ) : (
        <ul className="divide-y divide-line">
          {view.upcoming.map((item) => (
            <li key={`${item.date}-${item.id}`} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium text-ink">{item.name}</span>
                <span className="block text-xs text-muted">{item.angle}</span>
              </span>
              <span className="text-right">
                <time dateTime={item.date}>{formatDay(item.date)}</time>
                <span className="block text-xs text-muted">{kindLabels[item.kind]}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
