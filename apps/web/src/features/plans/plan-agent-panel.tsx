import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatCost, progressOf, stateLabel, stepLabel } from '../agents/agent-labels.ts';
import { agentRunOptions, isOver, useRunStream, useStartRun } from '../agents/agent-run-queries.ts';
import { plansKey } from './plan-queries.ts';
import { dayLabel } from './plan-days.ts';

/** A Content agent run followed live: state, steps done, cost, the step running; the plan is read again at the end. */
function RunProgress({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const queryClient = useQueryClient();
  const run = useQuery(agentRunOptions(workspaceId, runId));
  const over = run.data ? isOver(run.data.state) : false;
  useRunStream(workspaceId, runId, over);
  const doneSteps = run.data?.doneSteps ?? 0;
  useEffect(() => {
    // Briefs appear on the board as each week is stored, drafts as they are written.
    void queryClient.invalidateQueries({ queryKey: plansKey(workspaceId) });
  }, [doneSteps, over, workspaceId, queryClient]);
  if (!run.data) return <p className="text-sm text-muted">Starting the agent…</p>;
  const data = run.data;
  const current = data.steps.find((step) => step.state === 'running');
  return (
    <div className="mt-3 space-y-1 text-sm" role="status">
      <label className="flex flex-wrap items-center gap-2">
        <span>
          Content agent: {stateLabel(data.state)}, {data.doneSteps} of {data.plannedSteps} steps
        </span>
        <progress max={100} value={progressOf(data)} />
      </label>
      {current ? <p className="text-muted">Now: {stepLabel(current.key)}</p> : null}
      <p className="text-muted">
        Cost {formatCost(data.costMicros)} of an estimated {formatCost(data.estimateMicros)}.{' '}
        <Link to="/w/$workspaceId/agents/$runId" params={{ workspaceId, runId }} className={textLinkClasses}>
          Every step of the run
        </Link>
      </p>
      {data.error ? (
        <p className="text-danger">
          {data.error} Open the run to resume it: the steps already done are not paid again.
        </p>
      ) : null}
      {data.output?.content && data.output.content.failed.length > 0 ? (
        <p className="text-danger">
          {data.output.content.failed.length} draft(s) could not be written; “Generate drafts” tries them again.
        </p>
      ) : null}
    </div>
  );
}

/** "Plan the month with the agent" (or only the week shown): briefs with visual briefs, then drafts. */
export function PlanAgentPanel({ workspaceId, planId, week }: { workspaceId: string; planId: string; week: string }) {
  const [runId, setRunId] = useState<string | null>(null);
  const start = useStartRun(workspaceId, (run) => setRunId(run.id));
  const busy = start.isPending;
  return (
    <section aria-label="Content agent" className="mt-4 rounded-lg border border-line bg-surface p-4">
      <p className="text-sm text-muted">
        The Content agent writes briefs for each day and network from the strategy (pillars, posts a week, the week’s
        theme and dates), each with a visual brief, then a draft post for each through the content studio.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button isPending={busy} pendingLabel="Starting…" onClick={() => start.mutate({ kind: 'content', planId })}>
          Plan the month with the agent
        </Button>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => start.mutate({ kind: 'content', planId, weeks: [week] })}
        >
          Only the week of {dayLabel(week)}
        </Button>
      </div>
      {start.isError ? <FormAlert error={start.error} /> : null}
      {runId ? <RunProgress key={runId} workspaceId={workspaceId} runId={runId} /> : null}
    </section>
  );
}
