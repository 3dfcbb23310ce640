import { useQuery } from '@tanstack/react-query';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { membersQueryOptions } from '../members/members-query.ts';
import { roleLabel } from '../workspaces/roles.ts';

interface ApproverPickerProps {
  workspaceId: string;
  /** User ids of the chosen approvers (what the API stores). */
  chosen: string[];
  onChange: (userIds: string[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** The workspace's members as checkboxes; the checked ones are the only people who may approve posts. */
export function ApproverPicker({ workspaceId, chosen, onChange, error, disabled = false }: ApproverPickerProps) {
  const members = useQuery(membersQueryOptions(workspaceId));
  if (members.isPending) return <LoadingState label="Loading members…" />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  const memberIds = new Set(members.data.map((member) => member.userId));
  // Someone who left the workspace stays listed in the settings until the next save drops them.
  const departed = chosen.filter((id) => !memberIds.has(id)).length;

  function toggle(userId: string, checked: boolean) {
    onChange(checked ? [...chosen, userId] : chosen.filter((id) => id !== userId));
  }

  return (
    <fieldset
      className="space-y-2 rounded-md border border-line p-3"
      disabled={disabled}
      aria-describedby={error ? 'approver-picker-error' : undefined}
    >
      <legend className="px-1 text-sm font-medium text-ink">Approvers</legend>
      {members.data.map((member) => (
        <CheckboxField
          key={member.userId}
          label={member.name || member.email}
          description={`${member.email} · ${roleLabel(member.role)}`}
          checked={chosen.includes(member.userId)}
          onChange={(e) => toggle(member.userId, e.target.checked)}
        />
      ))}
      {departed > 0 ? (
        <p className="text-xs text-muted">
          {departed} chosen approver{departed === 1 ? ' has' : 's have'} left the workspace; saving drops them.
        </p>
      ) : null}
      {error ? (
        <p id="approver-picker-error" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
