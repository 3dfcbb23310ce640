import type { Member } from '@plume/contract/workspaces/workspace-schemas';
import { SelectField } from '../../components/select-field.tsx';
import { errorMessageOf } from '../../lib/field-errors.ts';

interface AssigneePickerProps {
  assigneeId: string | null;
  members: readonly Member[];
  meId: string;
  disabled: boolean;
  error: unknown;
  onAssign: (userId: string | null) => void;
}

/** Who answers this conversation: a member of the workspace, or nobody yet. */
export function AssigneePicker({ assigneeId, members, meId, disabled, error, onAssign }: AssigneePickerProps) {
  const options = [
    { value: '', label: 'Unassigned' },
    ...members.map((member) => ({
      value: member.userId,
      label: member.userId === meId ? `${member.name} (me)` : member.name,
    })),
  ];
  return (
    <SelectField
      label="Assigned to"
      options={options}
      value={assigneeId ?? ''}
      disabled={disabled}
      error={error ? errorMessageOf(error) : undefined}
      onChange={(e) => onAssign(e.target.value === '' ? null : e.target.value)}
    />
  );
}
