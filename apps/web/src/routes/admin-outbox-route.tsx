import { createRoute, notFound } from '@tanstack/react-router';
import { meQueryOptions } from '../features/account/me-query.ts';
import { OutboxPage } from '../features/admin/outbox-page.tsx';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { appRoute } from './app-route.tsx';

/** /admin/outbox — instance admin only; anyone else gets the 404 page. */
export const adminOutboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/outbox',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me.isInstanceAdmin) throw notFound();
  },
  component: OutboxPage,
  // Rendered inside the app shell, so the header stays usable.
  notFoundComponent: NotFoundPage,
});
