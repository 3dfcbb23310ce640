import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts/new — the composer (previews, counters, media checks) is its own chunk. */
export const newPostRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/new',
  component: lazyRouteComponent(() => import('./post-route-components.tsx'), 'NewPostRouteComponent'),
});
