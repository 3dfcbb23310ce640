import { Link } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { buttonClasses } from '../../components/button-classes.ts';
import { OutboxHint } from './outbox-hint.tsx';
import { ResendVerificationButton } from './resend-verification-button.tsx';

/** /check-email — shown after sign-up until the address is confirmed. */
export function CheckEmailPage({ email }: { email?: string | undefined }) {
  return (
    <AuthLayout title="Check your email">
      <div className="space-y-4">
        <p className="text-sm text-ink">
          We sent a confirmation link to {email ? <strong>{email}</strong> : 'your email address'}. Open it to activate
          your account, then sign in.
        </p>
        <OutboxHint />
        {email ? <ResendVerificationButton email={email} /> : null}
        <Link to="/sign-in" className={buttonClasses('primary', 'w-full')}>
          Go to sign in
        </Link>
      </div>
    </AuthLayout>
  );
}
