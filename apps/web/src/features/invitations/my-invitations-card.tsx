import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { myInvitationsQueryOptions } from './invitation-queries.ts';
import { MyInvitationItem } from './my-invitation-item.tsx';

interface MyInvitationsCardProps {
  /** Render nothing (instead of an empty state) when there are no invitations. */
  hideWhenEmpty?: boolean;
}

/** Pending invitations addressed to the signed-in user. */
export function MyInvitationsCard({ hideWhenEmpty = false }: MyInvitationsCardProps) {
  const invitations = useQuery(myInvitationsQueryOptions);
  const items = invitations.data ?? [];
  if (hideWhenEmpty && items.length === 0) return null;
  return (
    <Card title="Pending invitations" description="Workspaces other people invited you to.">
      {invitations.isPending ? <LoadingState /> : null}
      {invitations.isError ? <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} /> : null}
      {invitations.isSuccess && items.length === 0 ? (
        <p className="text-sm text-muted">No pending invitations.</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="divide-y divide-line">
          {items.map((invitation) => (
            <MyInvitationItem key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
