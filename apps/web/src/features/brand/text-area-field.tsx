import { useId, type TextareaHTMLAttributes } from 'react';
import { fieldClasses } from '../../components/field-classes.ts';
import { FieldMessage, describedBy } from '../../components/field-message.tsx';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A labelled textarea with its hint and error wired for screen readers. */
export function TextAreaField({ label, hint, error, id, className = '', rows = 3, ...rest }: TextAreaFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={inputId}
        rows={rows}
        className={fieldClasses(Boolean(error))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${inputId}-hint`, `${inputId}-error`, hint, error)}
        {...rest}
      />
      <FieldMessage hintId={`${inputId}-hint`} errorId={`${inputId}-error`} hint={hint} error={error} />
    </div>
  );
}
