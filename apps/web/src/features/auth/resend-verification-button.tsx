import { useMutation } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';

/** "Send again": asks the server for a fresh confirmation mail for `email`. */
export function ResendVerificationButton({ email }: { email: string }) {
  const resend = useMutation({
    mutationFn: () => api.post('/auth/send-verification-email', { email, callbackURL: '/' }),
  });
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        onClick={() => resend.mutate()}
        isPending={resend.isPending}
        pendingLabel="Sending…"
        disabled={!email}
      >
        Send again
      </Button>
      {resend.isSuccess ? <StatusMessage>A new confirmation link is on its way.</StatusMessage> : null}
      {resend.isError ? <p className="text-sm text-danger">{errorMessageOf(resend.error)}</p> : null}
    </div>
  );
}
