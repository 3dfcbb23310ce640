import { getRouteApi } from '@tanstack/react-router';
import { lastDays } from '../features/analytics/analytics-range.ts';
import { AnalyticsPage } from '../features/analytics/analytics-page.tsx';
import { useWorkspace } from '../features/workspaces/use-workspace.ts';

const workspaceApi = getRouteApi('/app/w/$workspaceId');
const analyticsApi = getRouteApi('/app/w/$workspaceId/analytics');

/** The analytics page of analytics-route.tsx, loaded on demand; the range defaults to the last 28 days. */
export function AnalyticsRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  const { timezone } = useWorkspace(workspaceId);
  const search = analyticsApi.useSearch();
  const navigate = analyticsApi.useNavigate();
  const range = search.from && search.to ? { from: search.from, to: search.to } : lastDays(28, timezone);
  return (
    <AnalyticsPage
      workspaceId={workspaceId}
      range={range}
      compare={search.compare !== false}
      onChange={(next, compare) =>
        void navigate({
          search: { from: next.from, to: next.to, ...(compare ? {} : { compare: false }) },
          replace: true,
        })
      }
    />
  );
}
