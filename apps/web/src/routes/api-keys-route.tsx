import { createRoute } from '@tanstack/react-router';
import { ApiKeysPage } from '../features/api-keys/api-keys-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/api-keys */
export const apiKeysRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'api-keys',
  component: ApiKeysRouteComponent,
});

function ApiKeysRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <ApiKeysPage workspaceId={workspaceId} />;
}
