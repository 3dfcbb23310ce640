import type { ReactNode } from 'react';
import { errorMessageOf, namedProblemsOf, type FieldLabels } from '../lib/field-errors.ts';

interface FormAlertProps {
  /** A failed request (its problem `detail`, or its field problems in words) or null when all is well. */
  error?: unknown;
  /** Overrides the message derived from `error`. */
  message?: string | undefined;
  /** How this form names its fields in the list of problems (`brand/voice/tone` → `Tone words`). */
  labels?: FieldLabels;
  children?: ReactNode;
}

/**
 * The alert region of a form: announces the failure to screen readers. A request refused for its
 * fields lists each problem with the field's name, in words (each is also shown at its field where the
 * form has one), so a problem at a field the form does not show is never lost.
 * Renders nothing when there is no error, so a page never holds empty alerts.
 */
export function FormAlert({ error, message, labels, children }: FormAlertProps) {
  const problems = message === undefined ? namedProblemsOf(error, labels) : [];
  const text = message ?? (error && problems.length === 0 ? errorMessageOf(error) : undefined);
  if (!text && problems.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
      {problems.length > 0 ? (
        <>
          <p className="font-medium">
            {problems.length === 1 ? 'Please fix this:' : `Please fix these ${problems.length} things:`}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>
                {problem.label}: {problem.message}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{text}</p>
      )}
      {children}
    </div>
  );
}
