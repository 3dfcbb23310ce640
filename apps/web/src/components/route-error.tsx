import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { ErrorState } from './error-state.tsx';

/** Shown when a route's loader or component fails; Try again reloads the route's data. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <ErrorState error={error} onRetry={() => void router.invalidate()} />
    </div>
  );
}
