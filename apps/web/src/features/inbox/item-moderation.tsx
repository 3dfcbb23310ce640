import { useState } from 'react';
import type { InboxItem } from '@plume/contract/inbox/inbox-schemas';
import type { ModerationAction } from '@plume/contract/inbox/inbox-enums';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { InboxDialog } from './inbox-dialog.tsx';

interface ModerationProps {
  item: InboxItem;
  networkName: string;
  isPending: boolean;
  error: unknown;
  onModerate: (action: ModerationAction, done: () => void) => void;
}

/** Hide (at once) and Delete (after a confirmation that says it is final), where the network allows them. */
export function ItemModeration({ item, networkName, isPending, error, onModerate }: ModerationProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const canHide = item.actions.includes('hide');
  const canDelete = item.actions.includes('delete');
  if (!canHide && !canDelete) return null;
  return (
    <>
      {canHide ? (
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={isPending}
          onClick={() => onModerate('hide', () => undefined)}
        >
          Hide
        </Button>
      ) : null}
      {canDelete ? (
        <Button variant="ghost" className="px-2 py-1 text-xs text-danger" onClick={() => setIsConfirming(true)}>
          Delete
        </Button>
      ) : null}
      {isConfirming ? (
        <InboxDialog title={`Delete this ${item.kind} from ${networkName}?`} onClose={() => setIsConfirming(false)}>
          <p className="text-sm text-muted">
            {networkName} removes what {item.author.name || item.author.handle} wrote, for everyone. This cannot be
            undone. Hiding keeps it for its author and hides it from others.
          </p>
          <blockquote className="mt-3 border-l-2 border-line-strong pl-3 text-sm text-ink">{item.text}</blockquote>
          <FormAlert error={error} />
          <div className="mt-4 flex gap-2">
            <Button
              variant="danger"
              isPending={isPending}
              pendingLabel="Deleting…"
              onClick={() => onModerate('delete', () => setIsConfirming(false))}
            >
              Delete from {networkName}
            </Button>
            <Button variant="ghost" onClick={() => setIsConfirming(false)}>
              Keep it
            </Button>
          </div>
        </InboxDialog>
      ) : null}
    </>
  );
}
