import { useId } from 'react';

interface RangeFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** The words for a value, read out with it (e.g. "Casual"). */
  describe: (value: number) => string;
  disabled?: boolean | undefined;
  error?: string | undefined;
}

/** A 0–1 slider in steps of 0.05 that says what its value means. */
export function RangeField({ label, value, onChange, describe, disabled, error }: RangeFieldProps) {
  const id = useId();
  return (
    <div>
      <div className="mb-1 flex justify-between gap-2 text-sm">
        <label htmlFor={id} className="font-medium text-ink">
          {label}
        </label>
        <span className="text-muted">{describe(value)}</span>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={value}
        disabled={disabled}
        aria-valuetext={describe(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-full accent-accent"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
