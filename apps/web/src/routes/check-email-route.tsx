import { createRoute } from '@tanstack/react-router';
import { CheckEmailPage } from '../features/auth/check-email-page.tsx';
import { rootRoute } from './root-route.tsx';

/** /check-email?email=… — after sign-up. */
export const checkEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'check-email',
  validateSearch: (search: Record<string, unknown>): { email?: string } =>
    typeof search.email === 'string' ? { email: search.email } : {},
  component: CheckEmailRouteComponent,
});

function CheckEmailRouteComponent() {
  const { email } = checkEmailRoute.useSearch();
  return <CheckEmailPage email={email} />;
}
