import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { formatCost, kindLabel, progressOf, stateLabel, stateTone } from './agent-labels.ts';
import { agentRunOptions, isOver, useCancelRun, useResumeRun, useRunStream } from './agent-run-queries.ts';
import { ApplyPanel } from './apply-panel.tsx';
import { LearningOutput } from './learning-output.tsx';
import { RunOutput } from './run-output.tsx';
import { RunSteps } from './run-steps.tsx';

/** /w/$workspaceId/agents/$runId — one run, live while it goes on. */
export function AgentRunPage({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const workspace = useWorkspace(workspaceId);
  const query = useQuery(agentRunOptions(workspaceId, runId));
  const run = query.data;
  useRunStream(workspaceId, runId, run === undefined || isOver(run.state));
  const cancel = useCancelRun(workspaceId, runId);
  const resume = useResumeRun(workspaceId, runId);

  if (query.isPending) return <LoadingState label="Loading the run…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const over = isOver(data.state);
  const progress = progressOf(data);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/w/$workspaceId/agents" params={{ workspaceId }} className={textLinkClasses}>
          ← All agent runs
        </Link>
      </p>
      <PageHeader
        title={kindLabel(data.kind)}
        description={`Started ${formatTime(data.createdAt, workspace.timezone)}${data.finishedAt ? `, finished ${formatTime(data.finishedAt, workspace.timezone, { withZone: false })}` : ''}.`}
        action={
          data.state === 'failed' && workspace.role !== 'viewer' ? (
            <Button isPending={resume.isPending} pendingLabel="Resuming…" onClick={() => resume.mutate()}>
              Resume run
            </Button>
          ) : !over && workspace.role !== 'viewer' ? (
            <Button
              variant="secondary"
              isPending={cancel.isPending}
              pendingLabel="Cancelling…"
              disabled={data.cancelRequested}
              onClick={() => cancel.mutate()}
            >
              {data.cancelRequested ? 'Stopping after this step…' : 'Cancel run'}
            </Button>
          ) : null
        }
      />
      <div className="space-y-6">
        {cancel.isError ? <FormAlert error={cancel.error} /> : null}
        {resume.isError ? <FormAlert error={resume.error} /> : null}
        <Card>
          <div className="flex flex-wrap items-center gap-3">
            <span role="status" className={`rounded px-2 py-0.5 text-sm font-medium ${stateTone(data.state)}`}>
              {stateLabel(data.state)}
            </span>
            <span className="text-sm text-muted">
              Cost {formatCost(data.costMicros)} of an estimated {formatCost(data.estimateMicros)}
              {data.localOnly ? ' · the budget could not cover paid models, so local models do the work' : ''}
            </span>
          </div>
          <div className="mt-3">
            <div
              role="progressbar"
              aria-label="Steps done"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={progress}
              aria-valuetext={`${data.doneSteps} of ${data.plannedSteps} steps`}
              className="h-2 w-full overflow-hidden rounded bg-subtle"
            >
              <div className="h-full bg-accent transition-all" style={{ width: `${progress}%` }} />
            </div>
            <p className="mt-1 text-xs text-muted">
              {data.doneSteps} of {data.plannedSteps} steps
            </p>
          </div>
          {data.error ? <p className="mt-3 text-sm text-danger">{data.error}</p> : null}
          {data.state === 'failed' ? (
            <p className="mt-1 text-sm text-muted">
              Resuming goes on from the step that failed; the steps already done are not run or paid again.
            </p>
          ) : null}
        </Card>
        <Card title="Steps">
          <RunSteps steps={data.steps} />
        </Card>
        {data.output ? <RunOutput output={data.output} input={data.input} /> : null}
        {data.output?.learning ? <LearningOutput learning={data.output.learning} /> : null}
        <ApplyPanel workspaceId={workspaceId} run={data} role={workspace.role} timezone={workspace.timezone} />
      </div>
    </>
  );
}
