import { createRoute } from '@tanstack/react-router';
import { ImportPostsPage } from '../features/posts/import/import-posts-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts/import */
export const importPostsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/import',
  component: ImportPostsRouteComponent,
});

function ImportPostsRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <ImportPostsPage workspaceId={workspaceId} />;
}
