import { Link } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { ForgotPasswordForm } from './forgot-password-form.tsx';

/** /forgot-password */
export function ForgotPasswordPage() {
  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the email you signed up with and we will send you a link to choose a new password."
      footer={
        <Link to="/sign-in" className={textLinkClasses}>
          Back to sign in
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
