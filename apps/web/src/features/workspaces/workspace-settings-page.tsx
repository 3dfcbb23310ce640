import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApprovalSettingsCard } from '../posts/approval-settings-card.tsx';
import { DeleteWorkspaceCard } from './delete-workspace-card.tsx';
import { canManage } from './roles.ts';
import { useWorkspace } from './use-workspace.ts';
import { WorkspaceSettingsForm } from './workspace-settings-form.tsx';

/** /w/$workspaceId/settings */
export function WorkspaceSettingsPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  return (
    <>
      <PageHeader title="Settings" description={`General settings of ${workspace.name}.`} />
      <div className="space-y-6">
        <Card title="General">
          <WorkspaceSettingsForm key={workspace.id} workspace={workspace} isEditable={canManage(workspace.role)} />
        </Card>
        <ApprovalSettingsCard workspaceId={workspace.id} isEditable={canManage(workspace.role)} />
        {workspace.role === 'owner' ? <DeleteWorkspaceCard workspace={workspace} /> : null}
      </div>
    </>
  );
}
