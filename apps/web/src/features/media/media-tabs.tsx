import { Link } from '@tanstack/react-router';

const tabClasses =
  'rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-muted hover:bg-subtle hover:text-ink ' +
  'aria-[current=page]:bg-accent-soft aria-[current=page]:text-accent';

/** The media studio's sub-pages; each page adds one line here. */
export function MediaTabs({ workspaceId }: { workspaceId: string }) {
  return (
    <nav aria-label="Media" className="-mx-1 mb-4 overflow-x-auto">
      <ul className="flex min-w-max gap-1 px-1">
        <li>
          <Link to="/w/$workspaceId/media/generate" params={{ workspaceId }} className={tabClasses}>
            Generate
          </Link>
        </li>
        <li>
          <Link to="/w/$workspaceId/media/characters" params={{ workspaceId }} className={tabClasses}>
            Characters
          </Link>
        </li>
      </ul>
    </nav>
  );
}
