import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import type { ChangePasswordBody } from '@plume/contract/auth/session-schemas';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/validate-credentials.ts';

/** Changes the password; optionally signs out every other session. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [revokeOtherSessions, setRevokeOtherSessions] = useState(true);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const change = useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post('/auth/change-password', body),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
  });
  const errors = { ...fieldErrorsOf(change.error), ...clientErrors };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (currentPassword === '') found.currentPassword = 'Enter your current password.';
    if (newPassword.length < MIN_PASSWORD_LENGTH) found.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    setClientErrors(found);
    if (Object.keys(found).length === 0) change.mutate({ currentPassword, newPassword, revokeOtherSessions });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={change.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={errors.newPassword}
        />
      </div>
      <CheckboxField
        label="Sign out of my other sessions"
        checked={revokeOtherSessions}
        onChange={(e) => setRevokeOtherSessions(e.target.checked)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isPending={change.isPending} pendingLabel="Changing…">
          Change password
        </Button>
        {change.isSuccess ? <StatusMessage>Your password has been changed.</StatusMessage> : null}
      </div>
    </form>
  );
}
