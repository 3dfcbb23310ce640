import { createRoute, redirect } from '@tanstack/react-router';
import { readLastWorkspaceId } from '../features/workspaces/last-workspace.ts';
import { workspacesQueryOptions } from '../features/workspaces/workspace-queries.ts';
import { appRoute } from './app-route.tsx';
import { type AccountsSearch, parseAccountsSearch } from '../features/accounts/accounts-search.ts';

type Search = AccountsSearch & { workspace?: string };

/** /accounts?workspace=… — where the OAuth callback lands; forwards to the workspace's accounts page. */
export const accountsRedirectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'accounts',
  validateSearch: (search: Record<string, unknown>): Search => ({
    ...parseAccountsSearch(search),
    ...(typeof search.workspace === 'string' && search.workspace ? { workspace: search.workspace } : {}),
  }),
  beforeLoad: async ({ context, search }) => {
    const { workspace, ...rest } = search;
    let workspaceId = workspace;
    if (!workspaceId) {
      const workspaces = await context.queryClient.fetchQuery(workspacesQueryOptions);
      const lastId = readLastWorkspaceId();
      workspaceId = (workspaces.find((w) => w.id === lastId) ?? workspaces[0])?.id;
    }
    if (!workspaceId) throw redirect({ to: '/workspaces/new', replace: true });
    throw redirect({ to: '/w/$workspaceId/accounts', params: { workspaceId }, search: rest, replace: true });
  },
});
