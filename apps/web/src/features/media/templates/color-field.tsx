import { useId } from 'react';
import { fieldClasses } from '../../../components/field-classes.ts';
import { FieldMessage, describedBy } from '../../../components/field-message.tsx';
import { normalizeHex } from './brand-kit-form.ts';

interface ColorFieldProps {
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}

/** A colour as hex text with a native colour picker beside it; both edit the same value. */
export function ColorField({ label, value, error, onChange }: ColorFieldProps) {
  const id = useId();
  const swatch = normalizeHex(value) ?? '#000000';
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={swatch}
          onChange={(e) => onChange(e.target.value)}
          className="h-9 w-11 shrink-0 cursor-pointer rounded border border-line-strong bg-surface p-0.5"
        />
        <input
          id={id}
          type="text"
          value={value}
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          className={`${fieldClasses(Boolean(error))} font-mono`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, `${id}-error`, undefined, error)}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <FieldMessage hintId={`${id}-hint`} errorId={`${id}-error`} error={error} />
    </div>
  );
}
