import { createRoute } from '@tanstack/react-router';
import { CalendarPage } from '../features/calendar/calendar-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/calendar */
export const calendarRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'calendar',
  component: CalendarRouteComponent,
});

function CalendarRouteComponent() {
  const { workspaceId } = workspaceRoute.useParams();
  return <CalendarPage workspaceId={workspaceId} />;
}
