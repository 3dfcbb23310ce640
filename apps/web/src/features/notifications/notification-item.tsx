import type { Notification } from '@plume/contract/notifications/notification-schemas';
import { AppLink } from '../../components/app-link.tsx';
import { formatTime } from '../../lib/format-time.ts';

interface NotificationItemProps {
  notification: Notification;
  timeZone: string;
  onOpen: (notification: Notification) => void;
  /** Shown on the list page: a button to mark it read without opening it. */
  onMarkRead?: (notification: Notification) => void;
}

/** One notification: title (a link when it has one), plain-words body, when, and whether it is unread. */
export function NotificationItem({ notification, timeZone, onOpen, onMarkRead }: NotificationItemProps) {
  const isUnread = notification.readAt === null;
  const title = <span className="font-medium text-ink">{notification.title}</span>;
  return (
    <li className="flex gap-3 px-3 py-2.5" data-unread={isUnread}>
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${isUnread ? 'bg-accent' : 'bg-transparent'}`}
      />
      <div className="min-w-0 flex-1 text-sm">
        {isUnread ? <span className="sr-only">Unread: </span> : null}
        {notification.link ? (
          <span onClickCapture={() => onOpen(notification)}>
            <AppLink href={notification.link} className="hover:underline">
              {title}
            </AppLink>
          </span>
        ) : (
          title
        )}
        <p className="mt-0.5 text-muted">{notification.body}</p>
        <p className="mt-0.5 text-xs text-muted">{formatTime(notification.createdAt, timeZone)}</p>
      </div>
      {onMarkRead && isUnread ? (
        <button
          type="button"
          onClick={() => onMarkRead(notification)}
          className="self-start rounded px-2 py-1 text-xs font-medium text-accent hover:bg-subtle"
        >
          Mark read<span className="sr-only">: {notification.title}</span>
        </button>
      ) : null}
    </li>
  );
}
