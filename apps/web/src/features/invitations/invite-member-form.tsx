import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceRole } from '@plume/contract/workspaces/workspace-enums';
import { invitationSchema } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { isRole, roleOptions } from '../workspaces/roles.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { workspaceInvitationsQueryOptions } from './invitation-queries.ts';

interface InviteMemberFormProps {
  workspaceId: string;
  myRole: WorkspaceRole;
}

/** Invites someone by email with a role; the invitee gets a mail with a link. */
export function InviteMemberForm({ workspaceId, myRole }: InviteMemberFormProps) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('editor');
  const [emailError, setEmailError] = useState<string>();
  const invite = useMutation({
    mutationFn: (body: { email: string; role: WorkspaceRole }) =>
      api.post(`${workspacePath(workspaceId)}/invitations`, body, invitationSchema),
    onSuccess: async () => {
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: workspaceInvitationsQueryOptions(workspaceId).queryKey });
    },
  });
  const errors = fieldErrorsOf(invite.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? undefined : 'Enter a valid email address.';
    setEmailError(missing);
    if (!missing) invite.mutate({ email: email.trim(), role });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={invite.error} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={emailError ?? errors.email}
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          options={roleOptions(myRole)}
          onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}
          error={errors.role}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isPending={invite.isPending} pendingLabel="Sending…">
          Send invitation
        </Button>
        {invite.isSuccess ? <StatusMessage>Invitation sent to {invite.data.email}.</StatusMessage> : null}
      </div>
    </form>
  );
}
