import { useQuery } from '@tanstack/react-query';
import type { Workspace } from '@plume/contract/workspaces/workspace-schemas';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { canManage } from '../workspaces/roles.ts';
import { MemberRow } from './member-row.tsx';
import { membersQueryOptions } from './members-query.ts';

interface MembersTableProps {
  workspace: Workspace;
  currentUserId: string;
}

/** Everyone in the workspace with their role. */
export function MembersTable({ workspace, currentUserId }: MembersTableProps) {
  const members = useQuery(membersQueryOptions(workspace.id));
  if (members.isPending) return <LoadingState label="Loading members…" />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.length === 0) return <EmptyState title="No members yet" />;
  const isManager = canManage(workspace.role);
  return (
    <TableScroller>
      <table className="w-full min-w-[36rem] text-left text-sm text-muted">
        <caption className="sr-only">Members of {workspace.name}</caption>
        <TableHead columns={['Member', 'Role', 'Joined']} hasActions />
        <tbody className="divide-y divide-line">
          {members.data.map((member) => (
            <MemberRow
              key={member.id}
              workspaceId={workspace.id}
              member={member}
              myRole={workspace.role}
              isSelf={member.userId === currentUserId}
              canManage={isManager}
            />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
