import type { MouseEvent, ReactNode } from 'react';
import { useRouter } from '@tanstack/react-router';

interface AppLinkProps {
  /** A path given by the server (e.g. a checklist item's `href`); external URLs open normally. */
  href: string;
  className?: string;
  children: ReactNode;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A link to a path only known at run time, navigated client-side when it stays in the app. */
export function AppLink({ href, className, children }: AppLinkProps) {
  const router = useRouter();
  const isInternal = href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/api/');
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    if (!isInternal || !isPlainLeftClick(event)) return;
    event.preventDefault();
    router.history.push(href);
  }
  return (
    <a href={href} className={className} onClick={handleClick}>
      {children}
    </a>
  );
}
