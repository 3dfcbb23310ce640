import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { OutboxHint } from './outbox-hint.tsx';
import { isValid, validateCredentials } from './validate-credentials.ts';

/** Asks for a reset link that lands on this app's /reset-password page. */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const request = useMutation({
    mutationFn: (address: string) =>
      api.post('/auth/request-password-reset', {
        email: address,
        redirectTo: `${window.location.origin}/reset-password`,
      }),
  });
  const errors = { ...fieldErrorsOf(request.error), ...clientErrors };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateCredentials({ email });
    setClientErrors(found);
    if (isValid(found)) request.mutate(email.trim());
  }

  if (request.isSuccess) {
    return (
      <div role="status" className="space-y-3">
        <p className="text-sm text-ink">
          If an account exists for <strong>{request.variables}</strong>, a link to choose a new password is on its way.
        </p>
        <OutboxHint />
      </div>
    );
  }
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={request.error} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <Button type="submit" className="w-full" isPending={request.isPending} pendingLabel="Sending…">
        Send reset link
      </Button>
    </form>
  );
}
