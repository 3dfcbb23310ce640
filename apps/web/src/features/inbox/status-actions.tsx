import type { Conversation } from '@plume/contract/inbox/inbox-schemas';
import { Button } from '../../components/button.tsx';
import { formatTime } from '../../lib/format-time.ts';
import { SnoozePanel } from './snooze-panel.tsx';
import type { ConversationChange } from './use-conversation-actions.ts';

interface StatusActionsProps {
  conversation: Conversation;
  timeZone: string;
  isSnoozeOpen: boolean;
  onSnoozeOpenChange: (open: boolean) => void;
  update: { mutate: (change: ConversationChange) => void; isPending: boolean; error: unknown };
}

/** Done, Snooze until… and Reopen, with where the conversation stands now. */
export function StatusActions({
  conversation,
  timeZone,
  isSnoozeOpen,
  onSnoozeOpenChange,
  update,
}: StatusActionsProps) {
  const { status, snoozedUntil } = conversation;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {status === 'open' ? (
          <>
            <Button isPending={update.isPending} onClick={() => update.mutate({ status: 'done' })}>
              Done
            </Button>
            <Button variant="secondary" aria-expanded={isSnoozeOpen} onClick={() => onSnoozeOpenChange(!isSnoozeOpen)}>
              Snooze…
            </Button>
          </>
        ) : (
          <>
            <p role="status" className="text-sm text-muted">
              {status === 'done' ? 'Done.' : `Snoozed until ${formatTime(snoozedUntil, timeZone)}.`}
            </p>
            <Button
              variant="secondary"
              isPending={update.isPending}
              onClick={() => update.mutate({ status: 'open', snoozedUntil: null })}
            >
              Reopen
            </Button>
          </>
        )}
      </div>
      {isSnoozeOpen && status === 'open' ? (
        <SnoozePanel
          timeZone={timeZone}
          error={update.error}
          isPending={update.isPending}
          onSnooze={(until) => update.mutate({ status: 'snoozed', snoozedUntil: until })}
          onCancel={() => onSnoozeOpenChange(false)}
        />
      ) : null}
    </div>
  );
}
