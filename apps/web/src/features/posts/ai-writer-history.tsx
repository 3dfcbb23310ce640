import { useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RevisionView } from '@plume/contract/content/draft-schemas';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatTime } from '../../lib/format-time.ts';
import { draftQueryOptions, historySourceLabel, revisionsOf } from './ai-writer-drafts.ts';
import { fromRevision, type ShownRevision } from './ai-writer-revisions.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

interface AiWriterHistoryProps {
  workspaceId: string;
  draftId: string;
  variant: number;
  network: string;
  networkName: string;
  /** The revision shown now: it is marked, and the others can replace it. */
  currentId: string;
  onPick: (revision: ShownRevision) => void;
}

/** "History" of one network's text in a variant: every revision in order, any of which can be shown again. */
export function AiWriterHistory({
  workspaceId,
  draftId,
  variant,
  network,
  networkName,
  currentId,
  onPick,
}: AiWriterHistoryProps) {
  const [isOpen, setIsOpen] = useState(false);
  const timeZone = useTimeZone();
  const [pickedNote, setPickedNote] = useState('');
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const draft = useQuery({ ...draftQueryOptions(workspaceId, draftId), enabled: isOpen });
  const revisions = draft.data ? revisionsOf(draft.data.revisions, variant, network) : [];

  function handlePick(revision: RevisionView, label: string) {
    onPick(fromRevision(revision));
    setPickedNote(`${label} is shown now.`);
    // The picked item's button disappears: keep focus in the card.
    toggleRef.current?.focus();
  }

  return (
    <div className="text-sm">
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen(!isOpen)}
        className="rounded-md text-xs font-medium text-accent hover:underline"
      >
        {isOpen ? 'Hide history' : 'History'}
        <span className="sr-only"> of the {networkName} text</span>
      </button>
      {isOpen ? (
        <div id={listId} className="mt-2">
          {draft.isPending ? (
            <LoadingState label="Loading the history…" />
          ) : draft.isError ? (
            <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />
          ) : revisions.length === 0 ? (
            <p className="text-xs text-muted">No revisions stored yet.</p>
          ) : (
            <ol aria-label={`${networkName} history`} className="space-y-2">
              {revisions.map((revision, index) => {
                const isCurrent = revision.id === currentId;
                return (
                  <li
                    key={revision.id}
                    aria-current={isCurrent ? 'true' : undefined}
                    className={`space-y-1 rounded-md border p-2 ${isCurrent ? 'border-accent bg-subtle' : 'border-line'}`}
                  >
                    <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
                      <span className="font-medium text-ink">
                        {index + 1}. {historySourceLabel(revision.source)}
                      </span>
                      <time dateTime={revision.createdAt}>{formatTime(revision.createdAt, timeZone)}</time>
                      <span>
                        {revision.quality ? `Quality ${Math.round(revision.quality.score)} / 100` : 'Not scored'}
                      </span>
                    </p>
                    <p className="text-xs whitespace-pre-wrap text-ink">{revision.text}</p>
                    {isCurrent ? (
                      <p className="text-xs font-medium text-accent">Shown now</p>
                    ) : (
                      <Button
                        variant="ghost"
                        className="px-2 py-1 text-xs"
                        onClick={() => handlePick(revision, `Version ${index + 1}`)}
                      >
                        Use this version
                        <span className="sr-only">
                          {' '}
                          ({index + 1}. {historySourceLabel(revision.source)})
                        </span>
                      </Button>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {pickedNote}
      </p>
    </div>
  );
}
