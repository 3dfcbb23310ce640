import { useEffect, useId, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Notification } from '@plume/contract/notifications/notification-schemas';
import { NotificationItem } from './notification-item.tsx';
import { notificationListOptions, unreadCountQueryOptions } from './notification-queries.ts';
import { useMarkRead } from './use-mark-read.ts';
import { useNotificationStream } from './use-notification-stream.ts';

/**
 * The bell in the header: unread count (live), the latest few, mark read, and the way to all of them.
 * Times are on the workspace's clock (`timeZone`), labelled.
 */
export function NotificationBell({ workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useNotificationStream(workspaceId);
  const unread = useQuery(unreadCountQueryOptions(workspaceId)).data?.unread ?? 0;
  const latest = useInfiniteQuery({
    ...notificationListOptions(workspaceId, { unreadOnly: false, limit: 5 }),
    enabled: isOpen,
  });
  const { markOne, markAll } = useMarkRead(workspaceId);
  const items = latest.data?.pages[0]?.items ?? [];

  useEffect(() => {
    if (!isOpen) return;
    function handleKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    }
    function handlePointer(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    }
    document.addEventListener('keydown', handleKey);
    document.addEventListener('pointerdown', handlePointer);
    return () => {
      document.removeEventListener('keydown', handleKey);
      document.removeEventListener('pointerdown', handlePointer);
    };
  }, [isOpen]);

  function handleOpen(notification: Notification) {
    if (notification.readAt === null) markOne.mutate(notification.id);
    setIsOpen(false);
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={() => setIsOpen(!isOpen)}
        className="relative flex size-9 items-center justify-center rounded-full text-muted hover:bg-subtle hover:text-ink"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="unread-count"
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-accent px-1 text-center text-xs leading-5 font-semibold text-on-accent"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        role="region"
        aria-label="Notifications"
        className="absolute right-0 z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface shadow-lg"
      >
        <div className="flex items-center justify-between border-b border-line px-3 py-2">
          <p className="text-sm font-semibold text-ink">Notifications</p>
          {unread > 0 ? (
            <button
              type="button"
              onClick={() => markAll.mutate()}
              className="rounded px-2 py-1 text-xs font-medium text-accent hover:bg-subtle"
            >
              Mark all read
            </button>
          ) : null}
        </div>
        {latest.isPending ? <p className="px-3 py-4 text-sm text-muted">Loading…</p> : null}
        {latest.isError ? <p className="px-3 py-4 text-sm text-danger">Notifications could not be loaded.</p> : null}
        {latest.isSuccess && items.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted">
            Nothing yet. Approvals, failures and alerts show up here.
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="max-h-96 divide-y divide-line overflow-y-auto">
            {items.map((item) => (
              <NotificationItem key={item.id} notification={item} timeZone={timeZone} onOpen={handleOpen} />
            ))}
          </ul>
        ) : null}
        <div className="border-t border-line px-3 py-2 text-sm">
          <Link
            to="/w/$workspaceId/notifications"
            params={{ workspaceId }}
            onClick={() => setIsOpen(false)}
            className="font-medium text-accent hover:underline"
          >
            See all notifications
          </Link>
        </div>
      </div>
    </div>
  );
}
