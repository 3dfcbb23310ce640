import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts/import — loaded on demand, like the composer. */
export const importPostsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/import',
  component: lazyRouteComponent(() => import('./post-route-components.tsx'), 'ImportPostsRouteComponent'),
});
