import { Link } from '@tanstack/react-router';
import { InboxNavLink } from '../inbox/inbox-nav-link.tsx';

interface MainNavProps {
  workspaceId: string | undefined;
  isInstanceAdmin: boolean;
}

const linkClasses =
  'rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-muted hover:bg-subtle hover:text-ink ' +
  'aria-[current=page]:bg-accent-soft aria-[current=page]:text-accent';

/** Workspace sections plus the admin outbox for the instance admin; the current page is marked. */
export function MainNav({ workspaceId, isInstanceAdmin }: MainNavProps) {
  return (
    <nav aria-label="Main" className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max items-center gap-1 px-1">
        {workspaceId ? (
          <>
            <li>
              <Link
                to="/w/$workspaceId"
                params={{ workspaceId }}
                activeOptions={{ exact: true }}
                className={linkClasses}
              >
                Dashboard
              </Link>
            </li>
            <li>
              <InboxNavLink workspaceId={workspaceId} className={linkClasses} />
            </li>
            <li>
              <Link to="/w/$workspaceId/reports/weekly" params={{ workspaceId }} className={linkClasses}>
                Weekly reports
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/posts" params={{ workspaceId }} className={linkClasses}>
                Posts
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/media" params={{ workspaceId }} className={linkClasses}>
                Media
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/review" params={{ workspaceId }} className={linkClasses}>
                Review
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/calendar" params={{ workspaceId }} className={linkClasses}>
                Calendar
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/agents" params={{ workspaceId }} className={linkClasses}>
                Agents
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/plans" params={{ workspaceId }} className={linkClasses}>
                Plans
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/analytics" params={{ workspaceId }} className={linkClasses}>
                Analytics
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/automation" params={{ workspaceId }} className={linkClasses}>
                Automation
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={linkClasses}>
                Accounts
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/brand" params={{ workspaceId }} className={linkClasses}>
                Brand
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/strategy" params={{ workspaceId }} className={linkClasses}>
                Strategy
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/models" params={{ workspaceId }} className={linkClasses}>
                Models
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/members" params={{ workspaceId }} className={linkClasses}>
                Members
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/api-keys" params={{ workspaceId }} className={linkClasses}>
                API keys
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/webhooks" params={{ workspaceId }} className={linkClasses}>
                Webhooks
              </Link>
            </li>
            <li>
              <Link to="/w/$workspaceId/settings" params={{ workspaceId }} className={linkClasses}>
                Settings
              </Link>
            </li>
          </>
        ) : null}
        {isInstanceAdmin ? (
          // Instance-wide, not part of the workspace: set apart at the far end.
          <li className="ml-auto border-l border-line pl-2">
            <Link to="/admin/outbox" className={linkClasses}>
              Admin outbox
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
