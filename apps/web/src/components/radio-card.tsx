import { useId, type InputHTMLAttributes } from 'react';

interface RadioCardProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: string;
  description: string;
}

/** A radio button drawn as a card: the label is its name, the description its explanation. */
export function RadioCard({ label, description, id, ...rest }: RadioCardProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const descriptionId = `${inputId}-description`;
  return (
    <div className="relative flex gap-3 rounded-md border border-line-strong bg-surface p-3 has-checked:border-accent has-checked:bg-accent-soft">
      <input
        id={inputId}
        type="radio"
        className="relative z-10 mt-0.5 size-4 accent-accent"
        aria-describedby={descriptionId}
        {...rest}
      />
      <div>
        <label htmlFor={inputId} className="text-sm font-medium text-ink after:absolute after:inset-0">
          {label}
        </label>
        <p id={descriptionId} className="text-xs text-muted">
          {description}
        </p>
      </div>
    </div>
  );
}
