import { createRoute } from '@tanstack/react-router';
import { ReviewQueuePage } from '../features/posts/review-queue-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/review */
export const reviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'review',
  component: ReviewRouteComponent,
});

function ReviewRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <ReviewQueuePage workspaceId={workspaceId} />;
}
