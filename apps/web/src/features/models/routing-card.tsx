import { Fragment, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { humanizeId } from './format-llm.ts';
import { policiesQueryOptions, providersQueryOptions } from './llm-queries.ts';
import { PolicyEditor } from './policy-editor.tsx';

/** Per task: which models are asked, in which order, and how the order is chosen. */
export function RoutingCard({ workspaceId, canAdmin }: { workspaceId: string; canAdmin: boolean }) {
  const policies = useQuery(policiesQueryOptions(workspaceId));
  const providerIds = (useQuery(providersQueryOptions(workspaceId)).data ?? []).map((provider) => provider.providerId);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card
      title="Routing per task"
      description="Local first asks local models before cloud ones; the others order candidates by measured speed, price or quality."
    >
      {!canAdmin ? <p className="mb-3 text-sm text-muted">Only admins and owners can change routing.</p> : null}
      {policies.isPending ? (
        <LoadingState label="Loading routing…" />
      ) : policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <TableScroller>
          <table className="w-full text-left text-sm text-muted" aria-label="Routing per task">
            <TableHead columns={['Task', 'Mode', 'Candidates']} hasActions />
            <tbody className="divide-y divide-line">
              {policies.data.map((policy) => (
                <Fragment key={policy.task}>
                  <tr className="align-top">
                    <td className="py-2 pr-4 text-ink">{humanizeId(policy.task)}</td>
                    <td className="py-2 pr-4">
                      {humanizeId(policy.mode)}
                      {policy.isDefault ? <span className="block text-xs">Default</span> : null}
                    </td>
                    <td className="py-2 pr-4">
                      <ol className="list-decimal pl-4">
                        {policy.candidates.map((c, i) => (
                          <li key={i}>
                            {c.provider} · {c.model}
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td className="py-2 text-right">
                      {canAdmin && editing !== policy.task ? (
                        <Button variant="secondary" onClick={() => setEditing(policy.task)}>
                          Edit<span className="sr-only"> routing for {humanizeId(policy.task)}</span>
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                  {editing === policy.task ? (
                    <tr>
                      <td colSpan={4} className="pb-4">
                        <PolicyEditor
                          workspaceId={workspaceId}
                          policy={policy}
                          providerIds={providerIds}
                          onDone={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </Card>
  );
}
