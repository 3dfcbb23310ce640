import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/models — the AI models of the workspace, in their own chunk. */
export const modelsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'models',
  component: lazyRouteComponent(() => import('./content-studio-route-components.tsx'), 'ModelsRouteComponent'),
});
