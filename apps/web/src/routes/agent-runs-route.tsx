import { createRoute } from '@tanstack/react-router';
import { AgentRunPage } from '../features/agents/agent-run-page.tsx';
import { AgentRunsPage } from '../features/agents/agent-runs-page.tsx';
import { workspaceRoute } from './workspace-route.tsx';

/** /w/$workspaceId/agents */
export const agentRunsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'agents',
  component: function AgentRunsRouteComponent() {
    const { workspaceId } = workspaceRoute.useParams();
    return <AgentRunsPage workspaceId={workspaceId} />;
  },
});

/** /w/$workspaceId/agents/$runId */
export const agentRunRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'agents/$runId',
  component: function AgentRunRouteComponent() {
    const { workspaceId, runId } = agentRunRoute.useParams();
    return <AgentRunPage workspaceId={workspaceId} runId={runId} />;
  },
});
