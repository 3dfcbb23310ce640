import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { CreateWebhookForm } from './create-webhook-form.tsx';
import { WebhookCard } from './webhook-card.tsx';
import { webhooksQueryOptions } from './webhooks-query.ts';

/** /w/$workspaceId/webhooks */
export function WebhooksPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const header = (
    <PageHeader
      title="Webhooks"
      description="Plume sends signed events (Standard Webhooks) to your endpoints when posts change, publish, fail or are deleted, and when a plan’s week is approved."
    />
  );
  if (!canManage(workspace.role))
    return (
      <>
        {header}
        <EmptyState title="Only admins and owners can manage webhooks">
          Ask an admin of {workspace.name} to add the endpoint you need.
        </EmptyState>
      </>
    );
  return (
    <>
      {header}
      <div className="space-y-6">
        <Card title="Add an endpoint">
          <CreateWebhookForm workspaceId={workspace.id} />
        </Card>
        <WebhookList workspaceId={workspace.id} />
      </div>
    </>
  );
}

function WebhookList({ workspaceId }: { workspaceId: string }) {
  const webhooks = useQuery(webhooksQueryOptions(workspaceId));
  if (webhooks.isPending) return <LoadingState label="Loading webhooks…" />;
  if (webhooks.isError) return <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />;
  if (webhooks.data.length === 0)
    return (
      <EmptyState title="No webhook endpoints yet">
        Add an endpoint above to receive events in your own tools, such as a CRM, a chat channel or a data warehouse.
      </EmptyState>
    );
  return (
    <>
      {webhooks.data.map((webhook) => (
        <WebhookCard key={webhook.id} workspaceId={workspaceId} webhook={webhook} />
      ))}
    </>
  );
}
