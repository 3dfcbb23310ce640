import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { inboxStatsQueryOptions } from './inbox-queries.ts';

/** "Inbox" in the main navigation, with how many open conversations have unread items. */
export function InboxNavLink({ workspaceId, className }: { workspaceId: string; className: string }) {
  const stats = useQuery({ ...inboxStatsQueryOptions(workspaceId), refetchInterval: 60_000 });
  const unread = stats.data?.accounts.reduce((sum, account) => sum + account.unread, 0) ?? 0;
  return (
    <Link to="/w/$workspaceId/inbox" params={{ workspaceId }} className={className}>
      Inbox
      {unread > 0 ? (
        <>
          <span
            aria-hidden="true"
            className="ml-1.5 rounded-full bg-accent px-1.5 text-xs leading-5 font-semibold text-on-accent"
          >
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="sr-only">, {unread} unread</span>
        </>
      ) : null}
    </Link>
  );
}
