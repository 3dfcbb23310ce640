import { createRoute } from '@tanstack/react-router';
import { WebhooksPage } from '../features/webhooks/webhooks-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/webhooks */
export const webhooksRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'webhooks',
  component: WebhooksRouteComponent,
});

function WebhooksRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <WebhooksPage workspaceId={workspaceId} />;
}
