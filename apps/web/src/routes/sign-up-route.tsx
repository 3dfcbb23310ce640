import { createRoute } from '@tanstack/react-router';
import { SignUpPage } from '../features/auth/sign-up-page.tsx';
import { rootRoute } from './root-route.tsx';

/** /sign-up */
export const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-up',
  component: SignUpPage,
});
