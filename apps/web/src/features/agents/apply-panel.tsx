import { useQuery } from '@tanstack/react-query';
import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatTime } from '../../lib/format-time.ts';
import { strategyQueryOptions } from '../strategy/strategy-queries.ts';
import { monthLabel } from './agent-labels.ts';
import { useApplyRun } from './agent-run-queries.ts';
import { proposedShares } from './learning-labels.ts';

function SharesTable({
  rows,
}: {
  rows: Array<{ key: string; name: string; before: number | null; after: number | null }>;
}) {
  return (
    <table className="w-full text-left text-sm" aria-label="Pillar shares before and after">
      <thead className="text-xs text-muted">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Pillar
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Now
          </th>
          <th scope="col" className="py-1 font-medium">
            After applying
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((row) => (
          <tr key={row.key}>
            <td className="py-1.5 pr-3">{row.name}</td>
            <td className="py-1.5 pr-3 tabular-nums">{row.before === null ? '—' : `${row.before} %`}</td>
            <td className="py-1.5 tabular-nums">{row.after === null ? 'unchanged' : `${Math.round(row.after)} %`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The reviewed step after a strategy or learning run: the proposal beside the current strategy
 * (pillar shares now → after), what else changes, and "Apply to strategy" for editors, once.
 */
export function ApplyPanel({
  workspaceId,
  run,
  role,
  timezone,
}: {
  workspaceId: string;
  run: WireAgentRun;
  role: string;
  timezone: string;
}) {
  const strategy = useQuery(strategyQueryOptions(workspaceId));
  const apply = useApplyRun(workspaceId, run.id);
  const proposed = proposedShares(run);
  if (proposed === null || run.state !== 'succeeded') return null;
  const current = strategy.data?.strategy?.pillars ?? [];
  const byKey = new Map(proposed.map((item) => [item.key, item.share]));
  const rows = current.map((pillar) => ({
    key: pillar.key,
    name: pillar.name,
    before: pillar.share,
    after: byKey.get(pillar.key) ?? (run.kind === 'learning' && proposed.length === 0 ? null : 0),
  }));
  const months = run.output?.strategy?.months ?? [];
  const learning = run.kind === 'learning';
  return (
    <Card
      title={learning ? 'Apply the adjustments' : 'Apply the proposal'}
      description={
        learning
          ? 'The pillar shares go into the strategy (at most 10 points each); the hours and topics are kept for the next weeks’ drafts and placement.'
          : `The ${months[0] ? monthLabel(months[0].month) : 'first month'} pillar mix and the KPI targets go into the strategy; each month’s themes go into its plan (a new plan when the month has none).`
      }
    >
      <div className="space-y-4">
        {strategy.isPending ? <p className="text-sm text-muted">Loading the current strategy…</p> : null}
        {strategy.data && strategy.data.strategy === null ? (
          <p className="text-sm text-muted">
            This workspace has no strategy yet: run the setup wizard first, then apply the proposal.
          </p>
        ) : null}
        {rows.length > 0 ? <SharesTable rows={rows} /> : null}
        {apply.isError ? <FormAlert error={apply.error} /> : null}
        {run.appliedAt ? (
          <p role="status" className="text-sm text-success">
            Applied {formatTime(run.appliedAt, timezone)}.
          </p>
        ) : role === 'viewer' ? (
          <p className="text-sm text-muted">An editor can apply it.</p>
        ) : (
          <Button isPending={apply.isPending} pendingLabel="Applying…" onClick={() => apply.mutate()}>
            Apply to strategy
          </Button>
        )}
      </div>
    </Card>
  );
}
