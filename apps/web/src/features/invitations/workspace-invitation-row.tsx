import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatDate } from '../../lib/format-time.ts';
import { roleLabel } from '../workspaces/roles.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { workspaceInvitationsQueryOptions } from './invitation-queries.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

/** One sent invitation with its Cancel button. */
export function WorkspaceInvitationRow({ invitation }: { invitation: Invitation }) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const cancel = useMutation({
    mutationFn: () =>
      api.delete(`${workspacePath(invitation.workspaceId)}/invitations/${encodeURIComponent(invitation.id)}`),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: workspaceInvitationsQueryOptions(invitation.workspaceId).queryKey,
      }),
  });
  return (
    <tr>
      <td className="py-2 pr-4 text-ink">{invitation.email}</td>
      <td className="py-2 pr-4">{invitation.role ? roleLabel(invitation.role) : '—'}</td>
      <td className="py-2 pr-4 capitalize">{invitation.status}</td>
      <td className="py-2 pr-4 whitespace-nowrap">{formatDate(invitation.expiresAt, timeZone)}</td>
      <td className="py-2 text-right">
        {invitation.status === 'pending' ? (
          <Button variant="secondary" onClick={() => cancel.mutate()} isPending={cancel.isPending}>
            Cancel<span className="sr-only"> invitation to {invitation.email}</span>
          </Button>
        ) : null}
        {cancel.isError ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(cancel.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
