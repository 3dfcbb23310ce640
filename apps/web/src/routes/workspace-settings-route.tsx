import { createRoute } from '@tanstack/react-router';
import { WorkspaceSettingsPage } from '../features/workspaces/workspace-settings-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/settings */
export const workspaceSettingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'settings',
  component: WorkspaceSettingsRouteComponent,
});

function WorkspaceSettingsRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <WorkspaceSettingsPage workspaceId={workspaceId} />;
}
