import { createRoute } from '@tanstack/react-router';
import { ComposerPage } from '../features/posts/composer-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts/new */
export const newPostRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/new',
  component: NewPostRouteComponent,
});

function NewPostRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <ComposerPage workspaceId={workspaceId} />;
}
