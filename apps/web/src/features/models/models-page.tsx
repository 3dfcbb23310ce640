import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/page-header.tsx';
import { meQueryOptions } from '../account/me-query.ts';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { BudgetCard } from './budget-card.tsx';
import { MediaModelsCard } from './media-models-card.tsx';
import { OllamaCard } from './ollama-card.tsx';
import { ProvidersCard } from './providers-card.tsx';
import { RoutingCard } from './routing-card.tsx';
import { UsageCard } from './usage-card.tsx';

/** /w/$workspaceId/models — providers, Ollama, budget, usage and routing of the AI models. */
export function ModelsPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const isInstanceAdmin = useQuery(meQueryOptions).data?.isInstanceAdmin ?? false;
  const canAdmin = canManage(workspace.role);
  return (
    <>
      <PageHeader
        title="Models"
        description="Which AI models write for this workspace, what they cost, and how they are chosen."
      />
      <div className="space-y-6">
        <ProvidersCard workspaceId={workspaceId} canAdmin={canAdmin} />
        <OllamaCard isInstanceAdmin={isInstanceAdmin} />
        <BudgetCard workspaceId={workspaceId} canAdmin={canAdmin} />
        <UsageCard workspaceId={workspaceId} />
        <RoutingCard workspaceId={workspaceId} canAdmin={canAdmin} />
        <MediaModelsCard workspaceId={workspaceId} canAdmin={canAdmin} />
      </div>
    </>
  );
}
