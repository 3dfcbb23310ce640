import { createRoute } from '@tanstack/react-router';
import { isPostState, type PostState } from '@plume/contract/posts/post-states';
import { PostsPage } from '../features/posts/posts-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts?state=… */
export const postsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts',
  validateSearch: (search: Record<string, unknown>): { state?: PostState } =>
    isPostState(search.state) ? { state: search.state } : {},
  component: PostsRouteComponent,
});

function PostsRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  const { state } = postsRoute.useSearch();
  const navigate = postsRoute.useNavigate();
  return (
    <PostsPage
      workspaceId={workspaceId}
      state={state}
      onStateChange={(next) => void navigate({ search: next ? { state: next } : {}, replace: true })}
    />
  );
}
