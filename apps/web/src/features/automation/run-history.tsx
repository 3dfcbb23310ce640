import { useQuery } from '@tanstack/react-query';
import { ACTION_LABELS } from '@plume/contract/automation/automation-triggers';
import type { AutomationRun } from '@plume/contract/automation/automation-schemas';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatTime, zoneLabel } from '../../lib/format-time.ts';
import { runsQueryOptions } from './automation-query.ts';

const STATUS_WORDS: Record<AutomationRun['status'], string> = {
  running: 'Running',
  succeeded: 'Done',
  failed: 'An action failed',
  skipped: 'Skipped',
};

/** A rule's latest runs: when, what started it, each action's result, or why it was skipped. */
export function RunHistory({ workspaceId, ruleId, zone }: { workspaceId: string; ruleId: string; zone: string }) {
  const runs = useQuery(runsQueryOptions(workspaceId, ruleId));
  if (runs.isPending) return <LoadingState label="Loading runs…" />;
  if (runs.isError) return <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />;
  if (runs.data.items.length === 0)
    return (
      <p className="text-sm text-muted">No runs yet: the rule runs when its trigger happens and its conditions hold.</p>
    );
  return (
    <section aria-label="Run history" className="space-y-2">
      <p className="text-xs text-muted">Latest 20 runs, times in {zoneLabel(zone)}.</p>
      <ol className="space-y-2">
        {runs.data.items.map((run) => (
          <li key={run.id} className="rounded border border-line p-2 text-sm">
            <p className="font-medium text-ink">
              {formatTime(run.startedAt, zone, { withZone: false })} — {STATUS_WORDS[run.status]}
              {run.durationMs === null ? '' : ` in ${run.durationMs} ms`}
              {run.depth > 0 ? ` (set off by ${run.depth} other rule run${run.depth === 1 ? '' : 's'})` : ''}
            </p>
            {run.skipReason ? <p className="text-muted">{run.skipReason}</p> : null}
            <ul className="ml-4 list-disc">
              {run.actions.map((action, index) => (
                <li key={index} className={action.ok ? 'text-ink' : 'text-danger'}>
                  {ACTION_LABELS[action.type]}: {action.ok ? action.output : action.error}
                </li>
              ))}
            </ul>
            <details>
              <summary className="cursor-pointer text-muted">What started it</summary>
              <pre className="overflow-x-auto text-xs">{JSON.stringify(run.input, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
