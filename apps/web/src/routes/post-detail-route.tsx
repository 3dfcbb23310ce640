import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts/$postId — loaded on demand, like the composer. */
export const postDetailRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/$postId',
  component: lazyRouteComponent(() => import('./post-route-components.tsx'), 'PostDetailRouteComponent'),
});
