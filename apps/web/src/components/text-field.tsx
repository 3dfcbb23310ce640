import { useId, type InputHTMLAttributes } from 'react';
import { fieldClasses } from './field-classes.ts';
import { FieldMessage, describedBy } from './field-message.tsx';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * A labelled input with its hint and error wired up for screen readers.
 * @example <TextField label="Email" name="email" type="email" error={errors.email} />
 */
export function TextField({ label, hint, error, id, className = '', ...rest }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={inputId}
        className={`${fieldClasses(Boolean(error))} read-only:bg-subtle`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        {...rest}
      />
      <FieldMessage hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}
