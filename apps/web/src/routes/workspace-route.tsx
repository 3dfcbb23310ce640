import { useEffect } from 'react';
import { createRoute, notFound, Outlet } from '@tanstack/react-router';
import { rememberWorkspaceId } from '../features/workspaces/last-workspace.ts';
import { workspaceQueryOptions } from '../features/workspaces/workspace-queries.ts';
import { ApiError } from '../lib/api.ts';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { appRoute } from './app-route.tsx';

/** /w/$workspaceId/* — loads the workspace (404 → not found) and remembers it for next time. */
export const workspaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'w/$workspaceId',
  loader: async ({ context, params }) => {
    try {
      await context.queryClient.ensureQueryData(workspaceQueryOptions(params.workspaceId));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw notFound();
      throw error;
    }
  },
  component: WorkspaceLayout,
  // Rendered inside the app shell, so the header stays usable.
  notFoundComponent: NotFoundPage,
});

function WorkspaceLayout() {
  const { workspaceId } = workspaceRoute.useParams();
  useEffect(() => rememberWorkspaceId(workspaceId), [workspaceId]);
  return <Outlet />;
}
