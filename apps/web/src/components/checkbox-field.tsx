import { useId, type InputHTMLAttributes } from 'react';

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: string;
  description?: string;
}

/**
 * A checkbox with its label to the right and an optional one-line description.
 * @example <CheckboxField label="Read" checked={read} onChange={(e) => setRead(e.target.checked)} />
 */
export function CheckboxField({ label, description, id, ...rest }: CheckboxFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const descriptionId = `${inputId}-description`;
  return (
    <div className="flex items-start gap-2">
      <input
        id={inputId}
        type="checkbox"
        className="mt-0.5 size-4 rounded border-line-strong accent-accent"
        aria-describedby={description ? descriptionId : undefined}
        {...rest}
      />
      <div>
        <label htmlFor={inputId} className="text-sm font-medium text-ink">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-xs text-muted">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
