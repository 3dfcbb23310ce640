import { createRoute } from '@tanstack/react-router';
import { AutomationPage } from '../features/automation/automation-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/automation */
export const automationRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'automation',
  component: AutomationRouteComponent,
});

function AutomationRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <AutomationPage workspaceId={workspaceId} />;
}
