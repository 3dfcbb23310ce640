import type { ReactNode } from 'react';
import { errorMessageOf } from '../lib/field-errors.ts';

interface FormAlertProps {
  /** A failed request (its problem `detail` is shown) or null when all is well. */
  error?: unknown;
  /** Overrides the message derived from `error`. */
  message?: string | undefined;
  children?: ReactNode;
}

/**
 * The alert region of a form: announces the failure's `detail` to screen readers.
 * Renders nothing when there is no error, so a page never holds empty alerts.
 */
export function FormAlert({ error, message, children }: FormAlertProps) {
  const text = message ?? (error ? errorMessageOf(error) : undefined);
  if (!text) return null;
  return (
    <div role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
      <p>{text}</p>
      {children}
    </div>
  );
}
