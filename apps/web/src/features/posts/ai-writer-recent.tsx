import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatTime } from '../../lib/format-time.ts';
import {
  draftQueryOptions,
  draftTitle,
  recentDraftsQueryOptions,
  shownFromDraft,
  type ShownDraft,
} from './ai-writer-drafts.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

interface AiWriterRecentProps {
  workspaceId: string;
  /** The draft shown now, marked in the list. */
  shownId: string | undefined;
  onOpen: (draft: ShownDraft) => void;
}

/** "Recent drafts": the last few generations, any of which can be reopened with its variants as last rewritten. */
export function AiWriterRecent({ workspaceId, shownId, onOpen }: AiWriterRecentProps) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const headingId = useId();
  const drafts = useQuery(recentDraftsQueryOptions(workspaceId));
  const open = useMutation({
    mutationFn: (draftId: string) => queryClient.fetchQuery(draftQueryOptions(workspaceId, draftId)),
    onSuccess: (draft) => onOpen(shownFromDraft(draft)),
  });
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-sm font-semibold text-ink">
        Recent drafts
      </h3>
      {drafts.isPending ? (
        <LoadingState label="Loading recent drafts…" />
      ) : drafts.isError ? (
        <ErrorState error={drafts.error} onRetry={() => void drafts.refetch()} />
      ) : drafts.data.items.length === 0 ? (
        <p className="text-xs text-muted">None yet: generated variants are kept here so you can come back to them.</p>
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line">
          {drafts.data.items.map((draft) => {
            const title = draftTitle(draft.brief);
            const isShown = draft.id === shownId;
            return (
              <li
                key={draft.id}
                aria-current={isShown ? 'true' : undefined}
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium text-ink">{title}</p>
                  <p className="text-xs text-muted">
                    <time dateTime={draft.createdAt}>{formatTime(draft.createdAt, timeZone)}</time> ·{' '}
                    {draft.revisionCount} {draft.revisionCount === 1 ? 'revision' : 'revisions'}
                    {draft.postId ? ' · used in a post' : ''}
                  </p>
                </div>
                {isShown ? (
                  <span className="text-xs font-medium text-accent">Shown now</span>
                ) : (
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    isPending={open.isPending && open.variables === draft.id}
                    pendingLabel="Opening…"
                    onClick={() => open.mutate(draft.id)}
                  >
                    Open<span className="sr-only"> the draft “{title}”</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <FormAlert error={open.error} />
    </section>
  );
}
