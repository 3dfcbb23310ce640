import { createRoute, redirect } from '@tanstack/react-router';
import { readLastWorkspaceId } from '../features/workspaces/last-workspace.ts';
import { workspacesQueryOptions } from '../features/workspaces/workspace-queries.ts';
import { appRoute } from './app-route.tsx';

/** / — goes to the remembered (or first) workspace, or to creating one. */
export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const workspaces = await context.queryClient.fetchQuery(workspacesQueryOptions);
    const lastId = readLastWorkspaceId();
    const target = workspaces.find((workspace) => workspace.id === lastId) ?? workspaces[0];
    if (!target) throw redirect({ to: '/workspaces/new', replace: true });
    throw redirect({ to: '/w/$workspaceId', params: { workspaceId: target.id }, replace: true });
  },
});
