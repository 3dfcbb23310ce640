import { Link } from '@tanstack/react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { buttonClasses } from '../../components/button-classes.ts';
import { MyInvitationsCard } from '../invitations/my-invitations-card.tsx';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { ChecklistCard } from './checklist-card.tsx';

/** /w/$workspaceId — the workspace home; for now the setup checklist and invitations. */
export function DashboardPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const kind = workspace.kind === 'brand' ? 'Brand' : 'Character';
  return (
    <>
      <PageHeader title={workspace.name} description={`${kind} workspace · ${workspace.timezone}`} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <ChecklistCard workspaceId={workspace.id} />
          <EmptyState
            title="No posts yet"
            action={
              <Link to="/w/$workspaceId/members" params={{ workspaceId: workspace.id }} className={buttonClasses('secondary')}>
                Invite your team
              </Link>
            }
          >
            Once your accounts are connected, planned and published posts will show up here.
          </EmptyState>
        </div>
        <MyInvitationsCard />
      </div>
    </>
  );
}
