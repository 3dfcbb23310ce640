interface FieldMessageProps {
  hintId: string;
  errorId: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The hint and error lines under a field; ids are referenced by aria-describedby. */
export function FieldMessage({ hintId, errorId, hint, error }: FieldMessageProps) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The aria-describedby value for a field with an optional hint and error. */
export function describedBy(hintId: string, errorId: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return ids || undefined;
}
