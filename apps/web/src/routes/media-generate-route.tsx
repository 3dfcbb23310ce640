import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/media/generate — AI images, video and voice, in the studio's own chunk. */
export const mediaGenerateRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'media/generate',
  component: lazyRouteComponent(() => import('./media-studio-route-components.tsx'), 'GenerateRouteComponent'),
});
