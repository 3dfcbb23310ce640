import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, hasErrorCode, type FieldErrors } from '../../lib/field-errors.ts';
import { ResendVerificationButton } from './resend-verification-button.tsx';
import { validateCredentials, isValid } from './validate-credentials.ts';

interface SignInFormProps {
  /** Where to go once signed in (a same-origin path); the dashboard by default. */
  redirectTo?: string | undefined;
}

/** Email + password sign-in; explains unverified email and lockout answers. */
export function SignInForm({ redirectTo }: SignInFormProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post('/auth/sign-in/email', body),
    onSuccess: () => {
      // A new user: nothing cached for the previous one may survive.
      queryClient.clear();
      router.history.push(redirectTo ?? '/');
    },
  });
  const errors = { ...fieldErrorsOf(signIn.error), ...clientErrors };
  const isUnverified = hasErrorCode(signIn.error, 'email_not_verified');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateCredentials({ email });
    if (password === '') found.password = 'Enter your password.';
    setClientErrors(found);
    if (isValid(found)) signIn.mutate({ email: email.trim(), password });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      {isUnverified ? (
        <FormAlert message="Your email address is not verified yet. Open the link in the confirmation mail, or ask for a new one.">
          <ResendVerificationButton email={email.trim()} />
        </FormAlert>
      ) : (
        <FormAlert error={signIn.error} />
      )}
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
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" className="w-full" isPending={signIn.isPending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
