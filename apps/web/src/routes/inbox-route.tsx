import { createRoute } from '@tanstack/react-router';
import { InboxPage } from '../features/inbox/inbox-page.tsx';
import { parseInboxSearch, type InboxSearch } from '../features/inbox/inbox-filters.ts';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/inbox?status=…&network=…&c=… (filters and the open conversation in the URL) */
export const inboxRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'inbox',
  validateSearch: (search: Record<string, unknown>): InboxSearch => parseInboxSearch(search),
  component: InboxRouteComponent,
});

function InboxRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  const search = inboxRoute.useSearch();
  const navigate = inboxRoute.useNavigate();
  return (
    <InboxPage
      workspaceId={workspaceId}
      search={search}
      onSearchChange={(next) => void navigate({ search: next, replace: next.c === search.c })}
    />
  );
}
