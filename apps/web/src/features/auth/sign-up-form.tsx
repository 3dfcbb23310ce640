import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import type { SignUpBody } from '@plume/contract/auth/session-schemas';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { MIN_PASSWORD_LENGTH, isValid, validateCredentials } from './validate-credentials.ts';

/** Registers with name, email and password, then sends the person to "check your email". */
export function SignUpForm() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const signUp = useMutation({
    mutationFn: (body: SignUpBody) => api.post('/auth/sign-up/email', body),
    onSuccess: (_data, body) => navigate({ to: '/check-email', search: { email: body.email } }),
  });
  const errors = { ...fieldErrorsOf(signUp.error), ...clientErrors };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateCredentials({ name, email, password });
    setClientErrors(found);
    if (!isValid(found)) return;
    signUp.mutate({ name: name.trim(), email: email.trim(), password, callbackURL: '/' });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={signUp.error} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
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
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" className="w-full" isPending={signUp.isPending} pendingLabel="Creating account…">
        Create account
      </Button>
    </form>
  );
}
