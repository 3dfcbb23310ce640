import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { AddCompetitorForm } from './add-competitor-form.tsx';
import { CompetitorRow } from './competitor-row.tsx';
import { CompetitorsChart } from './competitors-chart.tsx';
import { competitorsQueryOptions } from './competitors-query.ts';

/**
 * Competitors on the Analytics page: follow accounts whose public posts a network's official API shows,
 * see how each reading went, and compare their cadence and engagement with yours.
 */
export function CompetitorsCard({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const canEdit = workspace.role !== undefined && workspace.role !== 'viewer';
  const query = useQuery(competitorsQueryOptions(workspaceId));
  const list = query.data;
  const full = list !== undefined && list.competitors.length >= list.limit;
  return (
    <Card
      title="Competitors"
      description="Public posts of accounts you name, read once a day through each network’s official API. Plume keeps their counts, hashtags and topics to learn from, never their text."
    >
      {query.isPending ? <LoadingState label="Loading competitors…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {list ? (
        <div className="space-y-6">
          {canEdit && !full ? <AddCompetitorForm workspaceId={workspaceId} networks={list.networks} /> : null}
          {full ? (
            <p className="text-sm text-muted">
              You follow {list.limit} competitors, the most a workspace can. Remove one to add another.
            </p>
          ) : null}
          {list.competitors.length === 0 ? (
            <EmptyState title="No competitors yet">
              {canEdit
                ? `Name an account on ${list.networks.map((network) => network.name).join(', ')} to see how often it posts and how its posts do next to yours.`
                : 'An editor of this workspace can name accounts to compare with.'}
            </EmptyState>
          ) : (
            <>
              <CompetitorsChart list={list} />
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Competitors, last 28 days; times in {zoneLabel(list.timezone)}</caption>
                  <thead className="text-xs text-muted">
                    <tr>
                      <th scope="col" className="pb-2 pr-4 font-medium">
                        Account
                      </th>
                      <th scope="col" className="pb-2 pr-4 font-medium">
                        Reading ({zoneLabel(list.timezone)})
                      </th>
                      <th scope="col" className="pb-2 pr-4 text-right font-medium">
                        Posts a week
                      </th>
                      <th scope="col" className="pb-2 pr-4 text-right font-medium">
                        Median engagements
                      </th>
                      <th scope="col" className="pb-2 pr-4 text-right font-medium">
                        Followers
                      </th>
                      <th scope="col" className="pb-2 font-medium">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line">
                    {list.competitors.map((competitor) => (
                      <CompetitorRow
                        key={competitor.id}
                        workspaceId={workspaceId}
                        competitor={competitor}
                        timeZone={list.timezone}
                        canEdit={canEdit}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      ) : null}
    </Card>
  );
}
