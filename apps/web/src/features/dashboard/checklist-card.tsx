import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ChecklistItemRow } from './checklist-item-row.tsx';
import { checklistQueryOptions } from './checklist-query.ts';

/** The getting-started checklist with progress. */
export function ChecklistCard({ workspaceId }: { workspaceId: string }) {
  const checklist = useQuery(checklistQueryOptions(workspaceId));
  const items = checklist.data ?? [];
  const doneCount = items.filter((item) => item.done).length;
  return (
    <Card
      title="Getting started"
      description={
        checklist.isSuccess ? `${doneCount} of ${items.length} steps done.` : 'A few steps to set up this workspace.'
      }
    >
      {checklist.isPending ? <LoadingState /> : null}
      {checklist.isError ? <ErrorState error={checklist.error} onRetry={() => void checklist.refetch()} /> : null}
      {checklist.isSuccess && items.length === 0 ? (
        <p className="text-sm text-muted">Nothing to set up. You are all done.</p>
      ) : null}
      {items.length > 0 ? (
        <>
          <div
            role="progressbar"
            aria-label="Setup progress"
            aria-valuemin={0}
            aria-valuemax={items.length}
            aria-valuenow={doneCount}
            className="mb-2 h-1.5 overflow-hidden rounded-full bg-subtle"
          >
            <div className="h-full bg-accent" style={{ width: `${(doneCount / items.length) * 100}%` }} />
          </div>
          <ul className="divide-y divide-line">
            {items.map((item) => (
              <ChecklistItemRow key={item.id} item={item} />
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
