import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { acceptedInvitationSchema, type Invitation } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format-time.ts';
import { rememberWorkspaceId } from '../workspaces/last-workspace.ts';
import { roleLabel } from '../workspaces/roles.ts';
import { workspacesQueryOptions } from '../workspaces/workspace-queries.ts';
import { myInvitationsQueryOptions } from './invitation-queries.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

/** One invitation addressed to me, with Accept and Decline. */
export function MyInvitationItem({ invitation }: { invitation: Invitation }) {
  const navigate = useNavigate();
  const timeZone = useTimeZone();
  const queryClient = useQueryClient();
  const path = `/invitations/${encodeURIComponent(invitation.id)}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: myInvitationsQueryOptions.queryKey });
  const accept = useMutation({
    mutationFn: () => api.post(`${path}/accept`, {}, acceptedInvitationSchema),
    onSuccess: async ({ workspaceId }) => {
      rememberWorkspaceId(workspaceId);
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: workspacesQueryOptions.queryKey })]);
      await navigate({ to: '/w/$workspaceId', params: { workspaceId } });
    },
  });
  const decline = useMutation({ mutationFn: () => api.post(`${path}/decline`), onSuccess: refresh });
  const isBusy = accept.isPending || decline.isPending;
  return (
    <li className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="text-sm">
        <p className="font-medium text-ink">{invitation.workspaceName}</p>
        <p className="text-muted">
          {invitation.inviterName} invited you{invitation.role ? ` as ${roleLabel(invitation.role)}` : ''} · expires{' '}
          {formatDate(invitation.expiresAt, timeZone)}
        </p>
        <FormAlert error={accept.error ?? decline.error} />
      </div>
      <div className="flex gap-2">
        <Button onClick={() => accept.mutate()} disabled={isBusy} isPending={accept.isPending}>
          Accept<span className="sr-only"> invitation to {invitation.workspaceName}</span>
        </Button>
        <Button variant="secondary" onClick={() => decline.mutate()} disabled={isBusy} isPending={decline.isPending}>
          Decline<span className="sr-only"> invitation to {invitation.workspaceName}</span>
        </Button>
      </div>
    </li>
  );
}
