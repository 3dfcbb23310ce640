import { createRoute } from '@tanstack/react-router';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId */
export const dashboardRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  component: DashboardRouteComponent,
});

function DashboardRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <DashboardPage workspaceId={workspaceId} />;
}
