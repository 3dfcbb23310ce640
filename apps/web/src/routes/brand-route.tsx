import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/brand — the brand profile or persona the AI writes in. */
export const brandRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'brand',
  component: lazyRouteComponent(() => import('./content-studio-route-components.tsx'), 'BrandRouteComponent'),
});
