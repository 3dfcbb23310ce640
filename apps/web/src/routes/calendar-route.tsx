import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/calendar — FullCalendar is most of its weight, so the page is its own chunk (fetched on hover of a link). */
export const calendarRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'calendar',
  component: lazyRouteComponent(() => import('./calendar-route-component.tsx'), 'CalendarRouteComponent'),
});
