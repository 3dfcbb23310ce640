import type { WeeklyReport } from '@plume/contract/reports/weekly-report-schemas';
import { formatCount } from './week-range.ts';

type Body = WeeklyReport['body'];

const weekday = (date: string) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

/** Engagements of the posts published each day of the week (bars), with the number of posts under each. */
export function DailyChart({ daily }: { daily: Body['daily'] }) {
  const top = Math.max(1, ...daily.map((day) => day.engagements));
  return (
    <figure>
      <div className="flex h-40 items-end gap-2" aria-hidden="true">
        {daily.map((day) => (
          <div key={day.date} className="flex h-full flex-1 flex-col justify-end">
            <div
              className="rounded-t bg-accent"
              style={{ height: `${Math.max(day.engagements > 0 ? 2 : 0, (day.engagements / top) * 100)}%` }}
              title={`${formatCount(day.engagements)} engagements`}
            />
          </div>
        ))}
      </div>
      <table className="mt-2 w-full table-fixed text-center text-xs text-muted">
        <caption className="sr-only">Posts and engagements per day</caption>
        <thead>
          <tr>
            {daily.map((day) => (
              <th key={day.date} scope="col" className="font-medium">
                {weekday(day.date)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {daily.map((day) => (
              <td key={day.date}>{formatCount(day.engagements)} eng.</td>
            ))}
          </tr>
          <tr>
            {daily.map((day) => (
              <td key={day.date}>
                {day.posts} {day.posts === 1 ? 'post' : 'posts'}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <figcaption className="mt-1 text-xs text-muted">
        Engagements of the posts published each day, as last measured.
      </figcaption>
    </figure>
  );
}

/** This week against the week before, per network: two bars each. */
export function NetworkComparison({ rows }: { rows: Body['results']['byNetwork'] }) {
  const top = Math.max(1, ...rows.flatMap((row) => [row.thisWeek.engagements ?? 0, row.lastWeek.engagements ?? 0]));
  return (
    <ul className="space-y-3" aria-label="Engagements by network">
      {rows.map((row) => (
        <li key={row.network}>
          <p className="text-sm font-medium text-ink">{row.network}</p>
          {[
            { label: 'This week', totals: row.thisWeek, tone: 'bg-accent' },
            { label: 'Week before', totals: row.lastWeek, tone: 'bg-line-strong' },
          ].map((bar) => (
            <div key={bar.label} className="mt-1 flex items-center gap-2 text-xs text-muted">
              <span className="w-24 shrink-0">{bar.label}</span>
              <span className="h-3 flex-1 rounded bg-subtle" aria-hidden="true">
                <span
                  className={`block h-3 rounded ${bar.tone}`}
                  style={{ width: `${((bar.totals.engagements ?? 0) / top) * 100}%` }}
                />
              </span>
              <span className="w-40 shrink-0 text-right">
                {formatCount(bar.totals.engagements)} eng. · {bar.totals.posts}{' '}
                {bar.totals.posts === 1 ? 'post' : 'posts'}
              </span>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
