import { createRoute } from '@tanstack/react-router';
import { ResetPasswordPage } from '../features/auth/reset-password-page.tsx';
import { rootRoute } from './root-route.tsx';

interface ResetPasswordSearch {
  token?: string;
  error?: string;
}

/** /reset-password?token=… (or ?error=… when the server refused the link). */
export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'reset-password',
  validateSearch: (search: Record<string, unknown>): ResetPasswordSearch => ({
    ...(typeof search.token === 'string' || typeof search.token === 'number' ? { token: String(search.token) } : {}),
    ...(typeof search.error === 'string' ? { error: search.error } : {}),
  }),
  component: ResetPasswordRouteComponent,
});

function ResetPasswordRouteComponent() {
  const { token, error } = resetPasswordRoute.useSearch();
  return <ResetPasswordPage token={token} error={error} />;
}
