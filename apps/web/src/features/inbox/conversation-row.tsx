import type { Conversation } from '@plume/contract/inbox/inbox-schemas';
import { formatTime } from '../../lib/format-time.ts';
import { Chip, ClassificationChips, NetworkMark } from './inbox-chips.tsx';
import { kindLabels, statusLabels } from './inbox-labels.ts';

interface RowProps {
  conversation: Conversation;
  isSelected: boolean;
  timeZone: string;
  networkName: string;
  onSelect: () => void;
}

/** One conversation in the list: who, where, what they said, when, and where it stands. */
export function ConversationRow({ conversation: c, isSelected, timeZone, networkName, onSelect }: RowProps) {
  const isUnread = c.unreadCount > 0;
  return (
    <li>
      <button
        type="button"
        data-conversation-id={c.id}
        aria-current={isSelected ? 'true' : undefined}
        onClick={onSelect}
        className={
          'block w-full px-3 py-3 text-left hover:bg-subtle focus-visible:bg-subtle ' +
          (isSelected ? 'bg-accent-soft' : '')
        }
      >
        <span className="flex items-center gap-2">
          <NetworkMark network={c.network} name={networkName} />
          <span className={`min-w-0 flex-1 truncate text-sm ${isUnread ? 'font-semibold text-ink' : 'text-ink'}`}>
            {c.contact.name || c.contact.handle}
            <span className="font-normal text-muted"> · {c.accountHandle}</span>
          </span>
          {isUnread ? (
            <span className="flex items-center gap-1 text-xs font-semibold text-accent">
              <span aria-hidden="true" className="size-2 rounded-full bg-accent" />
              {c.unreadCount} unread
            </span>
          ) : null}
        </span>
        <span className={`mt-1 line-clamp-2 text-sm ${isUnread ? 'text-ink' : 'text-muted'}`}>
          {c.preview || '(no text)'}
        </span>
        <span className="mt-2 flex flex-wrap items-center gap-1 text-xs text-muted">
          <time dateTime={c.lastItemAt}>{formatTime(c.lastItemAt, timeZone, { withZone: false })}</time>
          <Chip>{kindLabels[c.kind]}</Chip>
          {c.status !== 'open' ? (
            <Chip tone="warn">
              {c.status === 'snoozed' && c.snoozedUntil
                ? `Snoozed until ${formatTime(c.snoozedUntil, timeZone, { withZone: false })}`
                : statusLabels[c.status]}
            </Chip>
          ) : null}
          <ClassificationChips sentiment={c.sentiment} intent={c.intent} priority={c.priority} />
          {c.assigneeName ? <span>Assigned to {c.assigneeName}</span> : null}
          {c.tags.map((tag) => (
            <Chip key={tag} tone="accent">{`#${tag}`}</Chip>
          ))}
        </span>
      </button>
    </li>
  );
}
