import { errorMessageOf } from '../lib/field-errors.ts';
import { Button } from './button.tsx';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shown in place of content whose request failed; offers a retry when one makes sense. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  return (
    <div role="alert" className="rounded-lg border border-danger/40 bg-danger-soft p-4 text-sm text-danger">
      <p className="font-medium">Could not load this.</p>
      <p className="mt-1">{errorMessageOf(error)}</p>
      {onRetry ? (
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
