import { createRoute } from '@tanstack/react-router';
import { PlanPage } from '../features/plans/plan-page.tsx';
import { PlansPage } from '../features/plans/plans-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/plans */
export const plansRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'plans',
  component: function PlansRouteComponent() {
    const { workspaceId } = workspaceRoute.useParams();
    return <PlansPage workspaceId={workspaceId} />;
  },
});

/** /w/$workspaceId/plans/$planId */
export const planRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'plans/$planId',
  component: function PlanRouteComponent() {
    const { workspaceId, planId } = planRoute.useParams();
    return <PlanPage workspaceId={workspaceId} planId={planId} />;
  },
});
