/**
 * The one way the web app shows a moment: on the clock of a time zone (the workspace's, or the
 * browser's on pages outside a workspace), labelled with that zone so nobody has to guess.
 * `useTimeZone()` (features/workspaces/use-time-zone.ts) says which zone a page uses.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, dateOnly: boolean, locale: string | undefined): Intl.DateTimeFormat {
  const key = `${timeZone}|${dateOnly ? 'd' : 'dt'}|${locale ?? ''}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(
      locale,
      dateOnly ? { dateStyle: 'medium', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone },
    );
    formats.set(key, format);
  }
  return format;
}

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** How a zone is named next to a time: its IANA name with spaces, e.g. `America/New York`, `UTC`. */
export function zoneLabel(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}

/**
 * A date and time on `timeZone`'s clock, followed by the zone; `null` (never happened) is an em dash.
 * Pass `withZone: false` where the zone is already said nearby (a table caption, a column).
 * @example formatTime('2030-07-01T07:00:00Z', 'Europe/Paris') // 'Jul 1, 2030, 9:00 AM (Europe/Paris)'
 */
export function formatTime(
  iso: string | null | undefined,
  timeZone: string,
  options: { withZone?: boolean; locale?: string } = {},
): string {
  if (!iso) return '—';
  const date = parse(iso);
  if (date === undefined) return iso;
  const text = formatter(timeZone, false, options.locale).format(date);
  return options.withZone === false ? text : `${text} (${zoneLabel(timeZone)})`;
}

/**
 * The calendar day of an instant on `timeZone`'s clock, e.g. for expiry dates.
 * @example formatDate('2030-07-01T23:30:00Z', 'Europe/Paris') // 'Jul 2, 2030'
 */
export function formatDate(
  iso: string | null | undefined,
  timeZone: string,
  options: { locale?: string } = {},
): string {
  if (!iso) return '—';
  const date = parse(iso);
  return date === undefined ? iso : formatter(timeZone, true, options.locale).format(date);
}
