import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet, type ErrorComponentProps } from '@tanstack/react-router';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { RouteError } from '../components/route-error.tsx';

/** What every route's loaders receive. */
export interface RouterContext {
  queryClient: QueryClient;
}

function RootNotFound() {
  return (
    <main id="main" className="min-h-dvh bg-canvas">
      <NotFoundPage />
    </main>
  );
}

function RootError(props: ErrorComponentProps) {
  return (
    <main id="main" className="min-h-dvh bg-canvas">
      <RouteError {...props} />
    </main>
  );
}

/** The root: no chrome of its own; signed-out pages and the app layout hang below it. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: RootNotFound,
  errorComponent: RootError,
});
