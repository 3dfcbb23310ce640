import { getRouteApi } from '@tanstack/react-router';
import { OnboardingPage } from '../features/strategy/onboarding-page.tsx';
import { StrategyPage } from '../features/strategy/strategy-page.tsx';

// By id rather than the route objects: those files import this one lazily.
const workspaceApi = getRouteApi('/app/w/$workspaceId');

/** The strategy, /w/$workspaceId/strategy. */
export function StrategyRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <StrategyPage workspaceId={workspaceId} />;
}

/** The setup wizard, /w/$workspaceId/onboarding. */
export function OnboardingRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <OnboardingPage workspaceId={workspaceId} />;
}
