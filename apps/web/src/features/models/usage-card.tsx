import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { formatCount, formatLatency, formatShare, formatUsd, humanizeId } from './format-llm.ts';
import { costPerDayQueryOptions, usageQueryOptions } from './llm-queries.ts';

function UsageTable({ workspaceId }: { workspaceId: string }) {
  const usage = useQuery(usageQueryOptions(workspaceId));
  if (usage.isPending) return <LoadingState label="Loading usage…" />;
  if (usage.isError) return <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />;
  if (usage.data.length === 0)
    return <EmptyState title="No calls yet">Model calls of the last 30 days show here, per model and task.</EmptyState>;
  return (
    <TableScroller>
      <table className="w-full text-left text-sm text-muted" aria-label="Usage per model and task">
        <TableHead columns={['Model', 'Task', 'Calls', 'Success', 'Median time', 'Cost / 1k tokens', 'Avg quality']} />
        <tbody className="divide-y divide-line">
          {usage.data.map((row) => (
            <tr key={`${row.provider}/${row.model}/${row.task}`}>
              <td className="py-2 pr-4">
                <span className="text-ink">{row.model}</span> <span className="text-xs">({row.provider})</span>
              </td>
              <td className="py-2 pr-4">{humanizeId(row.task)}</td>
              <td className="py-2 pr-4">{formatCount(row.calls)}</td>
              <td className="py-2 pr-4">{formatShare(row.successRate)}</td>
              <td className="py-2 pr-4">{formatLatency(row.p50LatencyMs)}</td>
              <td className="py-2 pr-4">{formatUsd(row.costPer1kTokensUsd)}</td>
              <td className="py-2 pr-4">{row.avgQuality === null ? '—' : Math.round(row.avgQuality)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** Cost per day as a table (no chart library is installed), with a bar of each day's share. */
function CostPerDay({ workspaceId }: { workspaceId: string }) {
  const cost = useQuery(costPerDayQueryOptions(workspaceId));
  if (cost.isPending) return <LoadingState label="Loading costs…" />;
  if (cost.isError) return <ErrorState error={cost.error} onRetry={() => void cost.refetch()} />;
  if (cost.data.items.length === 0)
    return <EmptyState title="No spend yet">Days with model calls show here with what they cost.</EmptyState>;
  const max = Math.max(...cost.data.items.map((day) => day.costUsd), 0);
  return (
    <TableScroller>
      <table className="w-full text-left text-sm text-muted" aria-label="Cost per day">
        <TableHead columns={['Day', 'Calls', 'Failures', 'Cost', 'Share']} />
        <tbody className="divide-y divide-line">
          {cost.data.items.map((day) => (
            <tr key={day.key}>
              <td className="py-2 pr-4 text-ink">{day.key}</td>
              <td className="py-2 pr-4">{formatCount(day.calls)}</td>
              <td className="py-2 pr-4">{formatCount(day.failures)}</td>
              <td className="py-2 pr-4">{formatUsd(day.costUsd)}</td>
              <td className="w-40 py-2 pr-4" aria-hidden="true">
                <div
                  className="h-2 rounded-full bg-accent"
                  style={{ width: `${max > 0 ? Math.max(2, (day.costUsd / max) * 100) : 2}%` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-line font-medium text-ink">
            <td className="py-2 pr-4">Total</td>
            <td className="py-2 pr-4">{formatCount(cost.data.totals.calls)}</td>
            <td className="py-2 pr-4">{formatCount(cost.data.totals.failures)}</td>
            <td className="py-2 pr-4">{formatUsd(cost.data.totals.costUsd)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableScroller>
  );
}

/** What the models did over the last 30 days: per model and task, and the cost of each day. */
export function UsageCard({ workspaceId }: { workspaceId: string }) {
  return (
    <Card title="Usage" description="The last 30 days.">
      <div className="space-y-6">
        <UsageTable workspaceId={workspaceId} />
        <div>
          <h3 className="mb-2 text-sm font-semibold text-ink">Cost per day</h3>
          <CostPerDay workspaceId={workspaceId} />
        </div>
      </div>
    </Card>
  );
}
