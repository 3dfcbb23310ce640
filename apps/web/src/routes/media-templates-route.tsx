import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/media/templates — the template editor with its live preview, designs and brand kit. */
export const mediaTemplatesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'media/templates',
  component: lazyRouteComponent(() => import('./media-templates-route-component.tsx'), 'MediaTemplatesRouteComponent'),
});
