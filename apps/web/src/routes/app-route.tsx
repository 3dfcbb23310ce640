import { createRoute, redirect } from '@tanstack/react-router';
import { meQueryOptions } from '../features/account/me-query.ts';
import { sessionQueryOptions } from '../features/auth/session-query.ts';
import { AppShell } from '../features/shell/app-shell.tsx';
import { rootRoute } from './root-route.tsx';

/** The signed-in layout (no path of its own): no session → /sign-in, then back here. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.fetchQuery(sessionQueryOptions);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(meQueryOptions),
  component: AppShell,
});
