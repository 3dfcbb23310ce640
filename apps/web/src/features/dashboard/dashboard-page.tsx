import { PageHeader } from '../../components/page-header.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import { WhatWorks } from '../insights/what-works.tsx';
import { MyInvitationsCard } from '../invitations/my-invitations-card.tsx';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { AccountHealthCard } from './account-health-card.tsx';
import { ChecklistCard } from './checklist-card.tsx';
import { LastWeekCard } from './last-week-card.tsx';
import { AttentionCard, RecentCard, UpcomingCard } from './dashboard-post-cards.tsx';

/** /w/$workspaceId — the workspace home: the last 7 days, what goes out next, what went out, what needs a person. */
export function DashboardPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const kind = workspace.kind === 'brand' ? 'Brand' : 'Character';
  return (
    <>
      <PageHeader
        title={workspace.name}
        description={`${kind} workspace · times in ${zoneLabel(workspace.timezone)}`}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <LastWeekCard workspaceId={workspace.id} timeZone={workspace.timezone} />
          <UpcomingCard workspaceId={workspace.id} />
          <AttentionCard workspaceId={workspace.id} />
          <RecentCard workspaceId={workspace.id} />
          <WhatWorks workspaceId={workspace.id} />
        </div>
        <div className="space-y-6">
          <AccountHealthCard workspaceId={workspace.id} />
          <ChecklistCard workspaceId={workspace.id} />
          <MyInvitationsCard hideWhenEmpty />
        </div>
      </div>
    </>
  );
}
