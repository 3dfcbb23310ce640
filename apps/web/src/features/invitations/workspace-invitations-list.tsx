import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { workspaceInvitationsQueryOptions } from './invitation-queries.ts';
import { WorkspaceInvitationRow } from './workspace-invitation-row.tsx';

/** The invitations a workspace has sent, newest first as the server orders them. */
export function WorkspaceInvitationsList({ workspaceId }: { workspaceId: string }) {
  const invitations = useQuery(workspaceInvitationsQueryOptions(workspaceId));
  if (invitations.isPending) return <LoadingState label="Loading invitations…" />;
  if (invitations.isError) {
    return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  }
  const pending = invitations.data.filter((invitation) => invitation.status === 'pending');
  if (pending.length === 0) return <p className="text-sm text-muted">No pending invitations.</p>;
  return (
    <TableScroller>
      <table className="w-full min-w-[32rem] text-left text-sm text-muted">
        <caption className="sr-only">Pending invitations</caption>
        <TableHead columns={['Email', 'Role', 'Status', 'Expires']} hasActions />
        <tbody className="divide-y divide-line">
          {pending.map((invitation) => (
            <WorkspaceInvitationRow key={invitation.id} invitation={invitation} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
