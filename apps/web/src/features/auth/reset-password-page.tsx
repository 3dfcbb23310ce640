import { Link } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { ResetPasswordForm } from './reset-password-form.tsx';

interface ResetPasswordPageProps {
  token?: string | undefined;
  /** Set by the server's redirect when the token was invalid or expired. */
  error?: string | undefined;
}

/** /reset-password?token=… — the page the reset mail links to. */
export function ResetPasswordPage({ token, error }: ResetPasswordPageProps) {
  return (
    <AuthLayout
      title="Choose a new password"
      footer={
        <Link to="/sign-in" className={textLinkClasses}>
          Back to sign in
        </Link>
      }
    >
      {token && !error ? (
        <ResetPasswordForm token={token} />
      ) : (
        <FormAlert message="This reset link is invalid or has expired.">
          <Link to="/forgot-password" className={textLinkClasses}>
            Ask for a new link
          </Link>
        </FormAlert>
      )}
    </AuthLayout>
  );
}
