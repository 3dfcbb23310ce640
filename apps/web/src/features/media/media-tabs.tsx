import { Link } from '@tanstack/react-router';

const tabClasses =
  'rounded-md px-3 py-1.5 text-sm font-medium text-muted hover:bg-subtle hover:text-ink ' +
  'aria-[current=page]:bg-accent-soft aria-[current=page]:text-accent';

/**
 * The media studio's sub-pages. Each page adds its own tab here (Library, Templates, Generate,
 * Characters), one line each, once its route exists (a Link to a missing route does not compile).
 */
export function MediaTabs({ workspaceId }: { workspaceId: string }) {
  return (
    <nav aria-label="Media" className="-mx-1 mb-6 overflow-x-auto">
      <ul className="flex min-w-max items-center gap-1 px-1">
        <li>
          <Link to="/w/$workspaceId/media/templates" params={{ workspaceId }} className={tabClasses}>
            Templates
          </Link>
        </li>
      </ul>
    </nav>
  );
}
