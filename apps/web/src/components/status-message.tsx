import type { ReactNode } from 'react';

/** A polite live region for good news ("Saved", "Copied"); empty regions stay silent. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <p role="status" className="text-sm text-success">
      {children}
    </p>
  );
}
