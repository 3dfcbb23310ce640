import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';

/** Deletes the account after the password is confirmed, then returns to sign-in. */
export function DeleteAccountForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const remove = useMutation({
    mutationFn: (body: { password: string }) => api.post('/me/delete', body),
    onSuccess: async () => {
      await navigate({ to: '/sign-in' });
      queryClient.clear();
      window.localStorage.clear();
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = password === '' ? 'Enter your password to confirm.' : undefined;
    setPasswordError(missing);
    if (!missing) remove.mutate({ password });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={remove.error} />
      <TextField
        label="Confirm with your password"
        name="password"
        type="password"
        autoComplete="current-password"
        className="max-w-sm"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={passwordError ?? fieldErrorsOf(remove.error).password}
      />
      <Button type="submit" variant="danger" isPending={remove.isPending} pendingLabel="Deleting…">
        Delete my account
      </Button>
    </form>
  );
}
