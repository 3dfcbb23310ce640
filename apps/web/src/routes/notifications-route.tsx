import { createRoute } from '@tanstack/react-router';
import { NotificationsPage } from '../features/notifications/notifications-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/notifications */
export const notificationsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'notifications',
  component: NotificationsRouteComponent,
});

function NotificationsRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <NotificationsPage workspaceId={workspaceId} />;
}
