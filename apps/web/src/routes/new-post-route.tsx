import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts/new — the composer (previews, counters, media checks) is its own chunk. */
export const newPostRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/new',
  // `?media=id1,id2`: library items to attach, in order (a rendered design's images).
  validateSearch: (search: Record<string, unknown>): { media?: string } =>
    typeof search.media === 'string' ? { media: search.media } : {},
  component: lazyRouteComponent(() => import('./post-route-components.tsx'), 'NewPostRouteComponent'),
});
