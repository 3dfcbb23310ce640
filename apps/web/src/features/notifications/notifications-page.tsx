import { useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { zoneLabel } from '../../lib/format-time.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { NotificationItem } from './notification-item.tsx';
import { notificationListOptions, unreadCountQueryOptions } from './notification-queries.ts';
import { useMarkRead } from './use-mark-read.ts';

/** /w/$workspaceId/notifications — everything Plume told you in this workspace, newest first. */
export function NotificationsPage({ workspaceId }: { workspaceId: string }) {
  const { timezone } = useWorkspace(workspaceId);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery(notificationListOptions(workspaceId, { unreadOnly, limit: 20 }));
  const unread = useQuery(unreadCountQueryOptions(workspaceId)).data?.unread ?? 0;
  const { markOne, markAll } = useMarkRead(workspaceId);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const markRead = (id: string) => markOne.mutate(id);

  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            Approvals, failures, disconnected accounts and alerts in this workspace. Times in {zoneLabel(timezone)}.
            Choose what reaches you, and how, on your{' '}
            <Link to="/profile" className={textLinkClasses}>
              profile
            </Link>
            .
          </>
        }
        action={
          unread > 0 ? (
            <Button variant="secondary" isPending={markAll.isPending} onClick={() => markAll.mutate()}>
              Mark all read
            </Button>
          ) : null
        }
      />
      <div role="group" aria-label="Show" className="mb-4 flex gap-2">
        {[
          { value: false, label: 'All' },
          { value: true, label: `Unread (${unread})` },
        ].map((option) => (
          <button
            key={option.label}
            type="button"
            aria-pressed={unreadOnly === option.value}
            onClick={() => setUnreadOnly(option.value)}
            className="rounded-md border border-line-strong px-3 py-1.5 text-sm text-ink hover:bg-subtle aria-pressed:bg-accent-soft aria-pressed:text-accent"
          >
            {option.label}
          </button>
        ))}
      </div>
      {list.isPending ? <LoadingState label="Loading notifications…" /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <Card>
          <EmptyState title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}>
            When a post waits for approval, fails, or an account needs reconnecting, Plume tells you here.
          </EmptyState>
        </Card>
      ) : null}
      {items.length > 0 ? (
        <ul aria-label="Notifications" className="divide-y divide-line rounded-lg border border-line bg-surface">
          {items.map((item) => (
            <NotificationItem
              key={item.id}
              notification={item}
              timeZone={timezone}
              onOpen={(notification) => notification.readAt === null && markRead(notification.id)}
              onMarkRead={(notification) => markRead(notification.id)}
            />
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <div className="mt-4">
          <Button variant="secondary" isPending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show older
          </Button>
        </div>
      ) : null}
    </>
  );
}
