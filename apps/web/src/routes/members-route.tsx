import { createRoute } from '@tanstack/react-router';
import { MembersPage } from '../features/members/members-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/members */
export const membersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'members',
  component: MembersRouteComponent,
});

function MembersRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <MembersPage workspaceId={workspaceId} />;
}
