/** How analytics numbers read on the page: unknown is said in words, never shown as 0. */

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

/** A count (engagements, impressions). @example formatCount(12345) // '12,345' */
export function formatCount(value: number | null): string {
  return value === null ? '—' : integer.format(value);
}

/** A mean, one decimal at most. @example formatMean(3.25) // '3.3' */
export function formatMean(value: number | null): string {
  return value === null ? '—' : decimal.format(value);
}

/** A rate as a percentage. @example formatRate(0.0123) // '1.23%' */
export function formatRate(value: number | null): string {
  return value === null ? '—' : percent.format(value);
}

/**
 * The change from the previous period, as a signed percentage; null when either side is unknown or
 * the previous value is 0 (a change from nothing has no percentage).
 * @example relativeChange(120, 100) // 0.2
 */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/** `+20%`, `−5%`, `±0%`. */
export function formatChange(change: number): string {
  const rounded = Math.round(change * 1000) / 10;
  if (rounded === 0) return '±0%';
  return `${rounded > 0 ? '+' : '−'}${decimal.format(Math.abs(rounded))}%`;
}

/**
 * Why a value is missing, in words: the networks whose API does not report the metric, or, when
 * they all do, that nothing was measured yet.
 * @example whyUnknown(['Mastodon']) // 'not reported by Mastodon'
 */
export function whyUnknown(silentNetworks: readonly string[]): string {
  if (silentNetworks.length === 0) return 'not measured yet';
  const names =
    silentNetworks.length === 1
      ? silentNetworks[0]
      : `${silentNetworks.slice(0, -1).join(', ')} or ${silentNetworks.at(-1) ?? ''}`;
  return `not reported by ${names}`;
}
