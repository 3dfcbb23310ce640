import { createRoute } from '@tanstack/react-router';
import { PostDetailPage } from '../features/posts/post-detail-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/posts/$postId */
export const postDetailRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/$postId',
  component: PostDetailRouteComponent,
});

function PostDetailRouteComponent() {
  const { workspaceId, postId } = postDetailRoute.useParams();
  return <PostDetailPage workspaceId={workspaceId} postId={postId} />;
}
