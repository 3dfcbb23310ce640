import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { errorMessageOf, hasErrorCode } from '../../lib/field-errors.ts';
import { earliestSlot } from '../accounts/slots/slot-list.ts';
import { fetchNextSlot } from '../accounts/slots/slots-query.ts';

interface NextSlotButtonProps {
  workspaceId: string;
  accountIds: string[];
  /** Receives the slot's instant (ISO, UTC). */
  onPick: (at: string) => void;
}

class NoFreeSlot extends Error {}

/**
 * Fills the composer's time with the next free posting time of the chosen accounts (the server
 * prefers the best-rated one of the week once an account has enough measured posts). An account
 * without posting times is skipped; if none has one the person is sent to set them.
 */
export function NextSlotButton({ workspaceId, accountIds, onPick }: NextSlotButtonProps) {
  const find = useMutation({
    mutationFn: async () => {
      const answers = await Promise.all(
        accountIds.map((id) =>
          fetchNextSlot(workspaceId, id).catch((error: unknown): null => {
            if (hasErrorCode(error, 'no_free_slot')) return null;
            throw error;
          }),
        ),
      );
      const best = earliestSlot(answers);
      if (!best) throw new NoFreeSlot();
      return best;
    },
    onSuccess: (slot) => onPick(slot.at),
  });
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        onClick={() => find.mutate()}
        disabled={accountIds.length === 0}
        isPending={find.isPending}
        pendingLabel="Finding…"
      >
        Next free slot
      </Button>
      {find.data?.reason === 'best_time' ? (
        <p className="text-sm text-muted">
          Picked the best-rated free slot of the coming week: the account&apos;s history does better at that hour than
          at the earliest free one.
        </p>
      ) : null}
      {accountIds.length === 0 ? (
        <p className="text-sm text-muted">Choose accounts to use their posting times.</p>
      ) : null}
      {find.error instanceof NoFreeSlot ? (
        <p role="alert" className="text-sm text-danger">
          No free posting time: set posting times for this account first on the{' '}
          <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={textLinkClasses}>
            Accounts page
          </Link>
          .
        </p>
      ) : find.error ? (
        <p role="alert" className="text-sm text-danger">
          {errorMessageOf(find.error)}
        </p>
      ) : null}
    </div>
  );
}
