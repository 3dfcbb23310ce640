import { Link } from '@tanstack/react-router';

const tabClasses =
  'rounded-md px-3 py-1.5 text-sm font-medium text-muted hover:bg-subtle hover:text-ink ' +
  'aria-[current=page]:bg-accent-soft aria-[current=page]:text-accent';

/**
 * The media section's sub-pages: Library | Templates | Generate | Characters.
 */
export function MediaTabs({ workspaceId }: { workspaceId: string }) {
  return (
    <nav aria-label="Media sections" className="mb-4">
      <ul className="flex flex-wrap gap-1">
        <li>
          <Link
            to="/w/$workspaceId/media"
            params={{ workspaceId }}
            activeOptions={{ exact: true }}
            className={tabClasses}
          >
            Library
          </Link>
        </li>
        <li>
          <Link to="/w/$workspaceId/media/templates" params={{ workspaceId }} className={tabClasses}>
            Templates
          </Link>
        </li>
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
