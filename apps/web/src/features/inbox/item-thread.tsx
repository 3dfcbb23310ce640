import type { InboxItem } from '@plume/contract/inbox/inbox-schemas';
import type { ModerationAction } from '@plume/contract/inbox/inbox-enums';
import { Button } from '../../components/button.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { ClassificationChips } from './inbox-chips.tsx';
import { ItemModeration } from './item-moderation.tsx';

interface ThreadProps {
  items: readonly InboxItem[];
  accountHandle: string;
  networkName: string;
  timeZone: string;
  canEdit: boolean;
  replyToId: string | undefined;
  moderation: {
    isPending: boolean;
    error: unknown;
    moderate: (itemId: string, action: ModerationAction, done: () => void) => void;
  };
  onReplyTo: (itemId: string) => void;
}

const moderationNote = { visible: null, hidden: 'Hidden on the network', deleted: 'Deleted from the network' } as const;

/** The conversation oldest first: theirs on the left, ours (the account's) on the right. */
export function ItemThread(props: ThreadProps) {
  const { items, accountHandle, networkName, timeZone, canEdit, replyToId, moderation, onReplyTo } = props;
  return (
    <ol aria-label="Messages" className="space-y-3">
      {items.map((item) => {
        const isOurs = item.direction === 'out';
        const note = moderationNote[item.moderation];
        return (
          <li key={item.id} className={`flex ${isOurs ? 'justify-end' : 'justify-start'}`}>
            <article
              aria-label={`${isOurs ? accountHandle : item.author.name || item.author.handle}, ${formatTime(item.createdAt, timeZone)}`}
              className={`max-w-[85%] rounded-lg border p-3 text-sm ${isOurs ? 'border-accent/30 bg-accent-soft' : 'border-line bg-surface'} ${item.id === replyToId ? 'ring-2 ring-accent' : ''}`}
            >
              <header className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted">
                <span className="font-semibold text-ink">
                  {isOurs ? `${accountHandle} (us)` : item.author.name || item.author.handle}
                </span>
                {!isOurs && item.author.handle ? <span>{item.author.handle}</span> : null}
                <time dateTime={item.createdAt}>{formatTime(item.createdAt, timeZone, { withZone: false })}</time>
                {!item.read && !isOurs ? <span className="font-semibold text-accent">New</span> : null}
              </header>
              {item.rating !== null ? <p className="mt-1 text-xs text-ink">Rated {item.rating} of 5</p> : null}
              <p
                className={`mt-1 whitespace-pre-line ${item.moderation === 'deleted' ? 'text-muted line-through' : 'text-ink'}`}
              >
                {item.text}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-1">
                <ClassificationChips sentiment={item.sentiment} intent={item.intent} priority={item.priority} />
                {note ? <span className="text-xs font-medium text-warning">{note}</span> : null}
                {item.url ? (
                  <a href={item.url} target="_blank" rel="noreferrer" className={`text-xs ${textLinkClasses}`}>
                    Open on {networkName}
                  </a>
                ) : null}
                {canEdit && item.actions.includes('reply') ? (
                  <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onReplyTo(item.id)}>
                    Reply to this
                  </Button>
                ) : null}
                {canEdit ? (
                  <ItemModeration
                    item={item}
                    networkName={networkName}
                    isPending={moderation.isPending}
                    error={moderation.error}
                    onModerate={(action, done) => moderation.moderate(item.id, action, done)}
                  />
                ) : null}
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
