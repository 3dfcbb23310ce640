import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { WeeklyReport } from '@plume/contract/reports/weekly-report-schemas';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { formatCount, formatRate, percentChange, weekRange } from './week-range.ts';
import { DailyChart, NetworkComparison } from './weekly-report-charts.tsx';
import { WhatWentOut } from './what-went-out.tsx';
import { weeklyReportOptions } from './weekly-report-queries.ts';

/** /w/$workspaceId/reports/weekly/$reportId — one weekly report. */
export function WeeklyReportPage({ workspaceId, reportId }: { workspaceId: string; reportId: string }) {
  const report = useQuery(weeklyReportOptions(workspaceId, reportId));
  if (report.isPending) return <LoadingState label="Loading the report…" />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const { body } = report.data;
  return (
    <>
      <PageHeader
        title={`Week of ${weekRange(body.weekStart, body.weekEnd, body.timezone)}`}
        description={
          <Link to="/w/$workspaceId/reports/weekly" params={{ workspaceId }} className={textLinkClasses}>
            All weekly reports
          </Link>
        }
      />
      <div className="space-y-4">
        <Card title="In short">
          <p className="text-sm whitespace-pre-line text-ink">{body.summary}</p>
        </Card>
        {body.empty ? null : <ReportDetails workspaceId={workspaceId} body={body} />}
      </div>
    </>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string | null }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-xl font-semibold text-ink">{value}</dd>
      {note ? <dd className="text-xs text-muted">{note}</dd> : null}
    </div>
  );
}

function ReportDetails({ workspaceId, body }: { workspaceId: string; body: WeeklyReport['body'] }) {
  const { thisWeek, lastWeek, change } = body.results;
  const vs = (value: string | null) => (value === null ? null : `${value} on the week before`);
  return (
    <>
      <Card title="Results">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Stat label="Published" value={formatCount(body.published.total)} />
          <Stat label="Failed" value={formatCount(body.published.failed)} />
          <Stat
            label="Engagements"
            value={formatCount(thisWeek.engagements)}
            note={vs(percentChange(change.engagements))}
          />
          <Stat
            label="Engagement rate"
            value={formatRate(thisWeek.engagementRate)}
            note={lastWeek.engagementRate === null ? null : `was ${formatRate(lastWeek.engagementRate)}`}
          />
          <Stat
            label="Followers"
            value={
              body.followers.change === null
                ? '—'
                : `${body.followers.change >= 0 ? '+' : ''}${formatCount(body.followers.change)}`
            }
            note={
              body.followers.lastWeekChange === null
                ? null
                : `week before: ${body.followers.lastWeekChange >= 0 ? '+' : ''}${formatCount(body.followers.lastWeekChange)}`
            }
          />
        </dl>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Day by day">
          <DailyChart daily={body.daily} />
        </Card>
        <Card title="By network, against the week before">
          {body.results.byNetwork.length > 0 ? (
            <NetworkComparison rows={body.results.byNetwork} />
          ) : (
            <p className="text-sm text-muted">No measured post in these two weeks.</p>
          )}
        </Card>
      </div>
      <Card title="Best post">
        {body.bestPost === null ? (
          <p className="text-sm text-muted">No post of this week has results yet.</p>
        ) : (
          <div className="text-sm">
            <p className="whitespace-pre-line text-ink">{body.bestPost.text || 'A post without text'}</p>
            <p className="mt-2 text-muted">
              {body.bestPost.handle} ({body.bestPost.network}), {formatTime(body.bestPost.publishedAt, body.timezone)}:{' '}
              {formatCount(body.bestPost.engagements)} engagements.{' '}
              {body.bestPost.postId === null ? null : (
                <Link
                  to="/w/$workspaceId/posts/$postId"
                  params={{ workspaceId, postId: body.bestPost.postId }}
                  className={textLinkClasses}
                >
                  Open the post
                </Link>
              )}
            </p>
          </div>
        )}
      </Card>
      <WhatWentOut workspaceId={workspaceId} body={body} />
      <Card title="What was learned">
        {body.learned.length > 0 ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-ink">
            {body.learned.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">
            Nothing clear yet: Plume says what works (media, links, hashtags, length, hours) once an account has enough
            measured posts for the difference to be more than chance.
          </p>
        )}
      </Card>
    </>
  );
}
