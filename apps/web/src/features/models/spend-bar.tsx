import { percentOfCap } from './format-llm.ts';

interface SpendBarProps {
  label: string;
  used: number;
  cap: number | null;
  /** How `used` and `cap` read, e.g. formatUsd. */
  format: (value: number) => string;
  degradeAtPercent?: number;
}

/** How much of a cap is used, as a bar; without a cap only the amount is shown. */
export function SpendBar({ label, used, cap, format, degradeAtPercent }: SpendBarProps) {
  const percent = percentOfCap(used, cap);
  const tone =
    percent === null
      ? ''
      : percent >= 100
        ? 'bg-danger'
        : degradeAtPercent !== undefined && percent >= degradeAtPercent
          ? 'bg-warning'
          : 'bg-accent';
  return (
    <div className="space-y-1">
      <div className="flex justify-between gap-2 text-sm">
        <span className="text-ink">{label}</span>
        <span className="text-muted">
          {cap === null ? `${format(used)} (no cap)` : `${format(used)} of ${format(cap)}`}
        </span>
      </div>
      {percent !== null ? (
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${format(used)} of ${format(cap ?? 0)}`}
          className="h-2 overflow-hidden rounded-full bg-subtle"
        >
          <div className={`h-full ${tone}`} style={{ width: `${percent}%` }} />
        </div>
      ) : null}
    </div>
  );
}
