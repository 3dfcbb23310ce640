import { Link } from '@tanstack/react-router';
import { buttonClasses } from './button-classes.ts';

/** The 404 content: says what happened and offers the way home. The caller provides <main>. */
export function NotFoundPage() {
  return (
    <div className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">Page not found</h1>
      <p className="mt-2 text-sm text-muted">This page does not exist, or you do not have access to it.</p>
      <Link to="/" className={buttonClasses('primary', 'mt-6')}>
        Go to the dashboard
      </Link>
    </div>
  );
}
