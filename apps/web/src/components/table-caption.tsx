import { zoneLabel } from '../lib/format-time.ts';

/**
 * A table's caption: its name for screen readers and, when the table shows times, the zone they are
 * in, visible above it (the cells then leave the zone out).
 */
export function TableCaption({ title, timeZone }: { title: string; timeZone?: string }) {
  if (timeZone === undefined) return <caption className="sr-only">{title}</caption>;
  return (
    <caption className="caption-top pb-2 text-left text-xs text-muted">
      <span className="sr-only">{title}. </span>Times in {zoneLabel(timeZone)}.
    </caption>
  );
}
