import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Conversation } from '@plume/contract/inbox/inbox-schemas';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import { ConversationRow } from './conversation-row.tsx';

type Page = { items: Conversation[]; nextCursor: string | null };

interface ListProps {
  query: UseInfiniteQueryResult<InfiniteData<Page>>;
  selectedId: string | undefined;
  timeZone: string;
  networkName: (id: string) => string;
  onSelect: (id: string) => void;
  /** Shown when the filters match nothing. */
  empty: React.ReactNode;
}

/** The conversations of the filtered list, newest first, with "Load more" while pages remain. */
export function ConversationList({ query, selectedId, timeZone, networkName, onSelect, empty }: ListProps) {
  if (query.isPending) return <LoadingState label="Loading conversations…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const conversations = query.data.pages.flatMap((page) => page.items);
  if (conversations.length === 0) return <>{empty}</>;
  return (
    <div>
      <p className="mb-2 text-xs text-muted">Newest first. Times in {zoneLabel(timeZone)}.</p>
      <ul aria-label="Conversations" className="divide-y divide-line rounded-lg border border-line bg-surface">
        {conversations.map((conversation) => (
          <ConversationRow
            key={conversation.id}
            conversation={conversation}
            isSelected={conversation.id === selectedId}
            timeZone={timeZone}
            networkName={networkName(conversation.network)}
            onSelect={() => onSelect(conversation.id)}
          />
        ))}
      </ul>
      {query.hasNextPage ? (
        <div className="mt-3 flex justify-center">
          <Button
            variant="secondary"
            isPending={query.isFetchingNextPage}
            pendingLabel="Loading more…"
            onClick={() => void query.fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      ) : null}
      {query.isFetchNextPageError ? (
        <p className="mt-2 text-sm text-danger">More could not be loaded. Try again.</p>
      ) : null}
    </div>
  );
}
