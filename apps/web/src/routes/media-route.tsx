import { createRoute } from '@tanstack/react-router';
import { VaultPage } from '../features/media/vault-page.tsx';
import { parseVaultSearch, type VaultSearch } from '../features/media/vault-query.ts';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/media?kind=…&source=…&approval=…&usage=…&tag=…&q=…&collectionId=…&from=…&to=…&view=… */
export const mediaRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'media',
  validateSearch: (search: Record<string, unknown>): VaultSearch => parseVaultSearch(search),
  component: MediaRouteComponent,
});

function MediaRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  const search = mediaRoute.useSearch();
  const navigate = mediaRoute.useNavigate();
  return (
    <VaultPage
      workspaceId={workspaceId}
      search={search}
      onSearchChange={(next) => void navigate({ search: parseVaultSearch({ ...next }), replace: true })}
    />
  );
}
