import { Link } from '@tanstack/react-router';
import { buttonClasses } from '../../components/button-classes.ts';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';

interface EmptyProps {
  workspaceId: string;
  hasInboxAccounts: boolean;
  isNarrowed: boolean;
  onClear: () => void;
}

/** Why the list is empty, and the next step: connect an account, nothing (all answered), or widen the filters. */
export function InboxEmpty({ workspaceId, hasInboxAccounts, isNarrowed, onClear }: EmptyProps) {
  if (!hasInboxAccounts)
    return (
      <EmptyState
        title="No account with an inbox yet"
        action={
          <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={buttonClasses('primary')}>
            Connect an account
          </Link>
        }
      >
        Connect Bluesky, Mastodon, a Facebook Page, Instagram or another network: comments, mentions and messages to the
        account then arrive here.
      </EmptyState>
    );
  if (isNarrowed)
    return (
      <EmptyState
        title="No conversation matches these filters"
        action={
          <Button variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
        }
      >
        Try another status, or fewer filters.
      </EmptyState>
    );
  return (
    <EmptyState title="All answered">
      Nothing is waiting for the team. New comments, mentions and messages show up here as they arrive.
    </EmptyState>
  );
}
