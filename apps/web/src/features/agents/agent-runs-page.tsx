import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime, zoneLabel } from '../../lib/format-time.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { formatCost, kindLabel, stateLabel, stateTone } from './agent-labels.ts';
import { agentRunListOptions } from './agent-run-queries.ts';
import { StartRunForm } from './start-run-form.tsx';

/** /w/$workspaceId/agents — start the Intelligence and Strategy agents, and every run so far. */
export function AgentRunsPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const list = useQuery(agentRunListOptions(workspaceId));
  const navigate = useNavigate();
  const canStart = workspace.role !== 'viewer';
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Agents"
        description={`The Intelligence agent reads what your analytics know; the Strategy agent turns it into monthly themes, a pillar mix and KPI targets, with reasons. Each run’s cost is estimated before it starts, within your model budget. Times in ${zoneLabel(workspace.timezone)}.`}
      />
      {canStart ? (
        <div className="mb-6">
          <Card title="Start a run">
            <StartRunForm
              workspaceId={workspaceId}
              onStarted={(run) =>
                void navigate({ to: '/w/$workspaceId/agents/$runId', params: { workspaceId, runId: run.id } })
              }
            />
          </Card>
        </div>
      ) : null}
      {list.isPending ? <LoadingState label="Loading agent runs…" /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <Card>
          <EmptyState title="No agent run yet">
            A run reads this workspace’s analytics and learned best times (or public-data priors while history is short)
            and proposes a strategy for the months you choose. Nothing changes in your plans until you apply it.
            {canStart ? ' Start one above.' : ' An editor can start one.'}
          </EmptyState>
        </Card>
      ) : null}
      {items.length > 0 ? (
        <ul aria-label="Agent runs" className="divide-y divide-line rounded-lg border border-line bg-surface">
          {items.map((run) => (
            <li key={run.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <Link
                to="/w/$workspaceId/agents/$runId"
                params={{ workspaceId, runId: run.id }}
                className={`${textLinkClasses} font-medium`}
              >
                {kindLabel(run.kind)}
              </Link>
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${stateTone(run.state)}`}>
                {stateLabel(run.state)}
              </span>
              <span className="text-sm text-muted">
                {run.doneSteps} of {run.plannedSteps} steps · {formatCost(run.costMicros)}
                {run.localOnly ? ' · local models only' : ''}
              </span>
              <span className="ml-auto text-xs text-muted">{formatTime(run.createdAt, workspace.timezone)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
