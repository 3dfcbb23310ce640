import { createRoute } from '@tanstack/react-router';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { safeRedirectPath } from '../lib/safe-redirect.ts';
import { rootRoute } from './root-route.tsx';

/** /sign-in?redirect=/path — `redirect` is where to return after signing in. */
export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const redirect = safeRedirectPath(search.redirect);
    return redirect ? { redirect } : {};
  },
  component: SignInRouteComponent,
});

function SignInRouteComponent() {
  const { redirect } = signInRoute.useSearch();
  return <SignInPage redirectTo={redirect} />;
}
