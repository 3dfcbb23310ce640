import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { calendarDate } from '@plume/contract/analytics/analytics-query';
import { workspaceRoute } from './workspace-route.tsx';

export type AnalyticsSearch = { from?: string; to?: string; compare?: boolean };

/** /w/$workspaceId/analytics?from=…&to=…&compare=false — the charts are their own chunk (Recharts is most of it). */
export const analyticsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'analytics',
  validateSearch: (search: Record<string, unknown>): AnalyticsSearch => {
    const from = calendarDate.safeParse(search.from);
    const to = calendarDate.safeParse(search.to);
    return {
      ...(from.success && to.success ? { from: from.data, to: to.data } : {}),
      ...(search.compare === false || search.compare === 'false' ? { compare: false } : {}),
    };
  },
  component: lazyRouteComponent(() => import('./analytics-route-component.tsx'), 'AnalyticsRouteComponent'),
});
