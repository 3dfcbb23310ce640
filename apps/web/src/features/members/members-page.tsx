import { useSuspenseQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { meQueryOptions } from '../account/me-query.ts';
import { InviteMemberForm } from '../invitations/invite-member-form.tsx';
import { WorkspaceInvitationsList } from '../invitations/workspace-invitations-list.tsx';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { MembersTable } from './members-table.tsx';

/** /w/$workspaceId/members */
export function MembersPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const me = useSuspenseQuery(meQueryOptions).data;
  const isManager = canManage(workspace.role);
  return (
    <>
      <PageHeader title="Members" description={`People who work in ${workspace.name}, and what they may do.`} />
      <div className="space-y-6">
        <Card title="Team">
          <MembersTable workspace={workspace} currentUserId={me.id} />
        </Card>
        {isManager ? (
          <>
            <Card title="Invite someone" description="They get an email with a link to join this workspace.">
              <InviteMemberForm workspaceId={workspace.id} myRole={workspace.role} />
            </Card>
            <Card title="Invitations">
              <WorkspaceInvitationsList workspaceId={workspace.id} />
            </Card>
          </>
        ) : (
          <p className="text-sm text-muted">Only admins and owners can invite people or change roles.</p>
        )}
      </div>
    </>
  );
}
