import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime, zoneLabel } from '../../lib/format-time.ts';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { weekRange } from './week-range.ts';
import { useGenerateWeeklyReport, weeklyReportListOptions } from './weekly-report-queries.ts';

/** /w/$workspaceId/reports/weekly — every weekly report of the workspace, newest first. */
export function WeeklyReportsPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const list = useQuery(weeklyReportListOptions(workspaceId));
  const navigate = useNavigate();
  const generate = useGenerateWeeklyReport(workspaceId, (report) => {
    void navigate({ to: '/w/$workspaceId/reports/weekly/$reportId', params: { workspaceId, reportId: report.id } });
  });
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Weekly reports"
        description={`What went out each Monday–Sunday, how it did against the week before, the best post and what Plume learned. Weeks and times in ${zoneLabel(workspace.timezone)}.`}
        action={
          canManage(workspace.role) ? (
            <Button isPending={generate.isPending} pendingLabel="Generating…" onClick={() => generate.mutate()}>
              Generate now
            </Button>
          ) : null
        }
      />
      {generate.isError ? (
        <div className="mb-4">
          <FormAlert error={generate.error} />
        </div>
      ) : null}
      {list.isPending ? <LoadingState label="Loading weekly reports…" /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <Card>
          <EmptyState title="No weekly report yet">
            Your first weekly report arrives on Monday at 08:00 ({zoneLabel(workspace.timezone)}), for the week before:
            what went out, the results against the week before, the best post and what was learned. Members get it in
            their notifications and by mail.
            {canManage(workspace.role) ? ' You can also generate the last full week now.' : ''}
          </EmptyState>
        </Card>
      ) : null}
      {items.length > 0 ? (
        <ul aria-label="Weekly reports" className="divide-y divide-line rounded-lg border border-line bg-surface">
          {items.map((item) => (
            <li key={item.id} className="px-4 py-3">
              <Link
                to="/w/$workspaceId/reports/weekly/$reportId"
                params={{ workspaceId, reportId: item.id }}
                className={`${textLinkClasses} font-medium`}
              >
                Week of {weekRange(item.weekStart, item.weekEnd, item.timezone)}
              </Link>
              <p className="mt-1 line-clamp-2 text-sm text-muted">{item.summary}</p>
              <p className="mt-1 text-xs text-muted">Built {formatTime(item.createdAt, workspace.timezone)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
