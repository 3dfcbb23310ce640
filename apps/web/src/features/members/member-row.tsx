import { useState } from 'react';
import type { WorkspaceRole } from '@plume/contract/workspaces/workspace-enums';
import type { Member } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatDate } from '../../lib/format-time.ts';
import { isRole, roleLabel, roleOptions } from '../workspaces/roles.ts';
import { useMemberActions } from './use-member-actions.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

interface MemberRowProps {
  workspaceId: string;
  member: Member;
  myRole: WorkspaceRole;
  isSelf: boolean;
  canManage: boolean;
}

/** One member: role select and Remove (with a confirmation step) for admins. */
export function MemberRow({ workspaceId, member, myRole, isSelf, canManage }: MemberRowProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const timeZone = useTimeZone();
  const { changeRole, remove } = useMemberActions(workspaceId, member, isSelf);
  // Only owners may touch an owner; the server enforces it, the UI avoids offering it.
  const isEditable = canManage && (myRole === 'owner' || member.role !== 'owner');
  const options = roleOptions(myRole).some((o) => o.value === member.role)
    ? roleOptions(myRole)
    : [...roleOptions(myRole), { value: member.role, label: roleLabel(member.role) }];
  const error = changeRole.error ?? remove.error;
  return (
    <tr className="align-top">
      <td className="py-3 pr-4">
        <p className="font-medium text-ink">
          {member.name}
          {isSelf ? <span className="ml-1 text-xs font-normal text-muted">(you)</span> : null}
        </p>
        <p className="break-all">{member.email}</p>
      </td>
      <td className="py-3 pr-4">
        {isEditable ? (
          <SelectField
            label={`Role for ${member.name}`}
            hideLabel
            options={options}
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(e) => isRole(e.target.value) && changeRole.mutate(e.target.value)}
          />
        ) : (
          roleLabel(member.role)
        )}
      </td>
      <td className="py-3 pr-4 whitespace-nowrap">{formatDate(member.createdAt, timeZone)}</td>
      <td className="py-3 text-right">
        {isEditable && !isConfirming ? (
          <Button variant="secondary" onClick={() => setIsConfirming(true)}>
            {isSelf ? 'Leave' : 'Remove'}
            <span className="sr-only"> {member.name}</span>
          </Button>
        ) : null}
        {isConfirming ? (
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="danger" onClick={() => remove.mutate()} isPending={remove.isPending}>
              Confirm removal<span className="sr-only"> of {member.name}</span>
            </Button>
            <Button variant="ghost" onClick={() => setIsConfirming(false)}>
              Keep
            </Button>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
