/** "Mon, Nov 30 – Sun, Dec 6, 2026 (Europe/Paris)": a report's week on its zone's calendar. */
export function weekRange(weekStart: string, weekEnd: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' });
  const year = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
  const last = new Date(new Date(weekEnd).getTime() - 1);
  return `${day.format(new Date(weekStart))} – ${day.format(last)}, ${year.format(last)} (${timeZone.replaceAll('_', ' ')})`;
}

/** "+25 %", "−10 %", or null when there is nothing to compare with. */
export function percentChange(change: number | null): string | null {
  if (change === null) return null;
  const rounded = Math.round(change * 100);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded)} %`;
}

export function formatCount(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US');
}

export function formatRate(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}
