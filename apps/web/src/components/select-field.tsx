import { useId, type SelectHTMLAttributes } from 'react';
import { fieldClasses } from './field-classes.ts';
import { FieldMessage, describedBy } from './field-message.tsx';

/** One choice in a SelectField. */
export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: readonly SelectOption[];
  hint?: string | undefined;
  error?: string | undefined;
  /** Keeps the label for screen readers only (e.g. inside a table row). */
  hideLabel?: boolean;
}

/**
 * A labelled native <select>.
 * @example <SelectField label="Role" options={roleOptions} value={role} onChange={...} />
 */
export function SelectField(props: SelectFieldProps) {
  const { label, options, hint, error, hideLabel = false, id, className = '', ...rest } = props;
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = `${selectId}-hint`;
  const errorId = `${selectId}-error`;
  return (
    <div className={className}>
      <label htmlFor={selectId} className={hideLabel ? 'sr-only' : 'mb-1 block text-sm font-medium text-ink'}>
        {label}
      </label>
      <select
        id={selectId}
        className={fieldClasses(Boolean(error))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessage hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}
