import { createRoute } from '@tanstack/react-router';
import { WeeklyReportPage } from '../features/reports/weekly-report-page.tsx';
import { WeeklyReportsPage } from '../features/reports/weekly-reports-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/reports/weekly */
export const weeklyReportsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'reports/weekly',
  component: function WeeklyReportsRouteComponent() {
    const { workspaceId } = workspaceRoute.useParams();
    return <WeeklyReportsPage workspaceId={workspaceId} />;
  },
});

/** /w/$workspaceId/reports/weekly/$reportId */
export const weeklyReportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'reports/weekly/$reportId',
  component: function WeeklyReportRouteComponent() {
    const { workspaceId, reportId } = weeklyReportRoute.useParams();
    return <WeeklyReportPage workspaceId={workspaceId} reportId={reportId} />;
  },
});
