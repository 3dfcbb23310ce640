import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/strategy — the workspace's strategy. */
export const strategyRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'strategy',
  component: lazyRouteComponent(() => import('./strategy-route-components.tsx'), 'StrategyRouteComponent'),
});

/** /w/$workspaceId/onboarding — the setup wizard, opened after a workspace is created. */
export const onboardingRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onboarding',
  component: lazyRouteComponent(() => import('./strategy-route-components.tsx'), 'OnboardingRouteComponent'),
});
