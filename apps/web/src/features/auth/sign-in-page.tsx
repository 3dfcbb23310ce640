import { Link } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { SignInForm } from './sign-in-form.tsx';

/** /sign-in */
export function SignInPage({ redirectTo }: { redirectTo?: string | undefined }) {
  return (
    <AuthLayout
      title="Sign in to Plume"
      footer={
        <>
          New here?{' '}
          <Link to="/sign-up" className={textLinkClasses}>
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm redirectTo={redirectTo} />
      <p className="mt-4 text-center text-sm">
        <Link to="/forgot-password" className={textLinkClasses}>
          Forgot your password?
        </Link>
      </p>
    </AuthLayout>
  );
}
