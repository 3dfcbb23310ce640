import { getRouteApi } from '@tanstack/react-router';
import { CalendarPage } from '../features/calendar/calendar-page.tsx';

const workspaceApi = getRouteApi('/app/w/$workspaceId');

/** The calendar page of calendar-route.tsx, loaded on demand. */
export function CalendarRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <CalendarPage workspaceId={workspaceId} />;
}
