import { createRoute } from '@tanstack/react-router';
import { NewWorkspacePage } from '../features/workspaces/new-workspace-page.tsx';
import { appRoute } from './app-route.tsx';

/** /workspaces/new */
export const newWorkspaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'workspaces/new',
  component: NewWorkspacePage,
});
