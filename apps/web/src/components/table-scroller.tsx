import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on small screens instead of widening the page.
 * `relative` keeps visually hidden (absolutely positioned) labels inside the scroll box.
 */
export function TableScroller({ children }: { children: ReactNode }) {
  return <div className="relative -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">{children}</div>;
}
