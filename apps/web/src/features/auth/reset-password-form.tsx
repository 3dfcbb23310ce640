import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { buttonClasses } from '../../components/button-classes.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { MIN_PASSWORD_LENGTH, isValid, validateCredentials } from './validate-credentials.ts';

/** Sets a new password with the token from the reset mail. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const reset = useMutation({
    mutationFn: (newPassword: string) => api.post('/auth/reset-password', { newPassword, token }),
  });
  const serverErrors = fieldErrorsOf(reset.error);
  const passwordError = clientErrors.password ?? serverErrors.newPassword ?? serverErrors.password;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateCredentials({ password });
    setClientErrors(found);
    if (isValid(found)) reset.mutate(password);
  }

  if (reset.isSuccess) {
    return (
      <div role="status" className="space-y-4">
        <p className="text-sm text-ink">Your password has been changed. You can sign in with it now.</p>
        <Link to="/sign-in" className={buttonClasses('primary', 'w-full')}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={reset.error} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={passwordError}
      />
      <Button type="submit" className="w-full" isPending={reset.isPending} pendingLabel="Saving…">
        Set new password
      </Button>
    </form>
  );
}
