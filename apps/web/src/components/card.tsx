import type { ReactNode } from 'react';

interface CardProps {
  title?: string;
  description?: ReactNode;
  /** Content at the right of the title, such as an action button. */
  action?: ReactNode;
  tone?: 'default' | 'danger';
  children?: ReactNode;
}

/**
 * A titled block. It is not a named region on purpose: pages hold many cards, and headings
 * already give screen-reader users the outline.
 */
export function Card({ title, description, action, tone = 'default', children }: CardProps) {
  const border = tone === 'danger' ? 'border-danger/40' : 'border-line';
  return (
    <section className={`rounded-lg border ${border} bg-surface p-4 shadow-sm sm:p-6`}>
      {title ? (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 className="text-base font-semibold text-ink">{title}</h2>
            {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
          </div>
          {action}
        </div>
      ) : null}
      {children}
    </section>
  );
}
