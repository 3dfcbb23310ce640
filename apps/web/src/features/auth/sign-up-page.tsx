import { Link } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { SignUpForm } from './sign-up-form.tsx';

/** /sign-up */
export function SignUpPage() {
  return (
    <AuthLayout
      title="Create your Plume account"
      description="One account for all your workspaces, brands and characters."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/sign-in" className={textLinkClasses}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthLayout>
  );
}
