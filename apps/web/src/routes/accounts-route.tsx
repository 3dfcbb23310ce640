import { createRoute } from '@tanstack/react-router';
import { AccountsPage } from '../features/accounts/accounts-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';
import { parseAccountsSearch } from '../features/accounts/accounts-search.ts';

/** /w/$workspaceId/accounts?connected=…|pick=…|error=… */
export const accountsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'accounts',
  validateSearch: parseAccountsSearch,
  component: AccountsRouteComponent,
});

function AccountsRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  const search = accountsRoute.useSearch();
  const navigate = accountsRoute.useNavigate();
  return (
    <AccountsPage
      workspaceId={workspaceId}
      search={search}
      onSearchChange={(next) => void navigate({ search: next, replace: true })}
    />
  );
}
