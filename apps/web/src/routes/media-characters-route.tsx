import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/media/characters — characters with their looks, references and voices. */
export const mediaCharactersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'media/characters',
  component: lazyRouteComponent(() => import('./media-studio-route-components.tsx'), 'CharactersRouteComponent'),
});
