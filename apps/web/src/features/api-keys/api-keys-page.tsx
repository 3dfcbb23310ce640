import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { ApiKeyList } from './api-key-list.tsx';
import { CreateApiKeyForm } from './create-api-key-form.tsx';

/** /w/$workspaceId/api-keys */
export function ApiKeysPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const header = (
    <PageHeader title="API keys" description="Keys let scripts and other tools call Plume’s API for this workspace." />
  );
  if (!canManage(workspace.role)) {
    return (
      <>
        {header}
        <EmptyState title="Only admins and owners can manage API keys">
          Ask an admin of {workspace.name} if you need one.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="space-y-6">
        <Card title="Create an API key">
          <CreateApiKeyForm workspaceId={workspace.id} />
        </Card>
        <Card title="Keys">
          <ApiKeyList workspaceId={workspace.id} />
        </Card>
      </div>
    </>
  );
}
