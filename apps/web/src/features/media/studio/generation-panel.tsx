import { useQuery } from '@tanstack/react-query';
import type { GenerationState } from '@plume/contract/media/media-enums';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { failedJobReason } from './generation-problem.ts';
import { ModelsPageNote } from './models-page-note.tsx';
import { NoProvidersState } from './no-providers-state.tsx';
import { ResultCard } from './result-card.tsx';
import { generationQueryOptions, isRunning, useCancelGeneration, useResultMedia } from './studio-queries.ts';
import { formatCostMicros } from './studio-labels.ts';
import type { Generation } from '@plume/contract/media/generation-schemas';

const stateWords: Record<GenerationState, string> = {
  queued: 'Waiting for the worker…',
  running: 'Generating…',
  succeeded: 'Done. Approve what you want to use; rejected results stay out of posts.',
  failed: 'It failed.',
  cancelled: 'Cancelled.',
};

/** The words a job's request was made with: its prompt, or the text spoken. */
export function promptOf(generation: Pick<Generation, 'request'>): string {
  const { prompt, text } = generation.request;
  if (typeof prompt === 'string') return prompt;
  return typeof text === 'string' ? text : '';
}

function Progress({ generation }: { generation: Generation }) {
  const percent = Math.round(generation.progress * 100);
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span>{stateWords[generation.state]}</span>
        <span className="text-muted">{percent} %</span>
      </div>
      <div
        role="progressbar"
        aria-label="Generation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded bg-subtle"
      >
        <div className="h-full bg-accent transition-all" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

interface GenerationPanelProps {
  workspaceId: string;
  generationId: string;
  canEdit: boolean;
}

/** One job as it runs (progress polled every second) and, when done, its results to approve or reject. */
export function GenerationPanel({ workspaceId, generationId, canEdit }: GenerationPanelProps) {
  const job = useQuery(generationQueryOptions(workspaceId, generationId));
  if (job.isPending) return <LoadingState label="Loading the generation…" />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const generation = job.data;
  return (
    <Card
      title="Results"
      description={
        generation.provider
          ? `${generation.provider} · ${generation.model ?? ''} · ${formatCostMicros(generation.costMicros)}`
          : undefined
      }
    >
      <div className="space-y-4">
        {isRunning(generation) || generation.state === 'succeeded' ? <Progress generation={generation} /> : null}
        {isRunning(generation) && canEdit ? (
          <CancelButton workspaceId={workspaceId} generationId={generation.id} />
        ) : null}
        {generation.state === 'failed' || generation.state === 'cancelled' ? (
          <FailedJob workspaceId={workspaceId} generation={generation} />
        ) : null}
        {generation.dropped.length > 0 ? (
          <ul aria-label="Dropped results" className="list-disc pl-5 text-sm text-warning">
            {generation.dropped.map((item) => (
              <li key={item.index}>
                Result {item.index + 1} was dropped by the quality check: {item.reason}
              </li>
            ))}
          </ul>
        ) : null}
        <ResultsGrid workspaceId={workspaceId} generation={generation} canEdit={canEdit} />
      </div>
    </Card>
  );
}

function ResultsGrid({
  workspaceId,
  generation,
  canEdit,
}: {
  workspaceId: string;
  generation: Generation;
  canEdit: boolean;
}) {
  const items = useResultMedia(workspaceId, generation.resultMediaIds);
  if (items.length === 0) return null;
  const fallback = {
    provider: generation.provider,
    model: generation.model,
    prompt: promptOf(generation),
    costMicros: null,
  };
  return (
    <ul aria-label="Results" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item, index) =>
        item.data === undefined ? (
          <li key={generation.resultMediaIds[index]} className="rounded-lg border border-line p-3">
            {item.isError ? (
              <ErrorState error={item.error} onRetry={() => void item.refetch()} />
            ) : (
              <LoadingState label="Loading the result…" />
            )}
          </li>
        ) : (
          <ResultCard
            key={item.data.id}
            workspaceId={workspaceId}
            media={item.data}
            canEdit={canEdit}
            fallback={fallback}
          />
        ),
      )}
    </ul>
  );
}

function CancelButton({ workspaceId, generationId }: { workspaceId: string; generationId: string }) {
  const cancel = useCancelGeneration(workspaceId, generationId);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        isPending={cancel.isPending}
        pendingLabel="Cancelling…"
        onClick={() => cancel.mutate()}
      >
        Cancel
      </Button>
      {cancel.isError ? <FormAlert error={cancel.error} /> : null}
    </div>
  );
}

/** The job's failure in its own words; a missing provider or a spent budget also shows the way to fix it. */
function FailedJob({ workspaceId, generation }: { workspaceId: string; generation: Generation }) {
  const words = generation.error ?? stateWords[generation.state];
  const reason = failedJobReason(generation);
  return (
    <>
      <div role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
        <p>{words}</p>
        {reason === undefined ? null : <ModelsPageNote workspaceId={workspaceId} reason={reason} />}
      </div>
      {reason === 'no_provider' ? <NoProvidersState workspaceId={workspaceId} /> : null}
    </>
  );
}
