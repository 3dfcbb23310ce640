import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { buttonClasses } from '../../components/button-classes.ts';
import { zoneLabel } from '../../lib/format-time.ts';
import { CompetitorsCard } from '../competitors/competitors-card.tsx';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import {
  breakdownsQueryOptions,
  followersQueryOptions,
  heatmapQueryOptions,
  overviewQueryOptions,
  topPostsQueryOptions,
  type DayRange,
} from './analytics-queries.ts';
import { BreakdownTables } from './breakdown-tables.tsx';
import { EngagementChart } from './engagement-chart.tsx';
import { EngagementTables } from './engagement-tables.tsx';
import { FollowersChart } from './followers-chart.tsx';
import { KpiCards } from './kpi-cards.tsx';
import { reportsMetric } from './metric-coverage.ts';
import { PostingHeatmap } from './posting-heatmap.tsx';
import { RangePicker } from './range-picker.tsx';
import { TopPostsTable } from './top-posts-table.tsx';

interface AnalyticsPageProps {
  workspaceId: string;
  range: DayRange;
  compare: boolean;
  onChange: (range: DayRange, compare: boolean) => void;
}

/** The sections that need measured posts; each loads on its own. */
function MeasuredSections({
  workspaceId,
  range,
  timeZone,
}: {
  workspaceId: string;
  range: DayRange;
  timeZone: string;
}) {
  const top = useQuery(topPostsQueryOptions(workspaceId, range));
  const breakdowns = useQuery(breakdownsQueryOptions(workspaceId, range));
  const heatmap = useQuery(heatmapQueryOptions(workspaceId, range));
  const suffix = `${range.from}-${range.to}.csv`;
  return (
    <>
      <Card
        title="Top and bottom posts"
        description="By engagements; posts whose network gave no engagement number are left out."
      >
        {top.isPending ? <LoadingState label="Loading posts…" /> : null}
        {top.isError ? <ErrorState error={top.error} onRetry={() => void top.refetch()} /> : null}
        {top.data ? (
          <div className="space-y-6">
            <TopPostsTable
              workspaceId={workspaceId}
              title="Top posts"
              posts={top.data.top}
              timeZone={timeZone}
              fileName={`plume-top-posts-${suffix}`}
              emptyText="No post of this range has an engagement number yet."
            />
            <TopPostsTable
              workspaceId={workspaceId}
              title="Bottom posts"
              posts={top.data.bottom}
              timeZone={timeZone}
              fileName={`plume-bottom-posts-${suffix}`}
              emptyText={
                top.data.top.length > 0
                  ? 'Every measured post of this range is already among the top posts.'
                  : 'No post of this range has an engagement number yet.'
              }
            />
          </div>
        ) : null}
      </Card>
      {breakdowns.isPending ? <LoadingState label="Loading breakdowns…" /> : null}
      {breakdowns.isError ? <ErrorState error={breakdowns.error} onRetry={() => void breakdowns.refetch()} /> : null}
      {breakdowns.data ? <BreakdownTables breakdowns={breakdowns.data} /> : null}
      {heatmap.isPending ? <LoadingState label="Loading the heatmap…" /> : null}
      {heatmap.isError ? <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} /> : null}
      {heatmap.data ? <PostingHeatmap heatmap={heatmap.data} /> : null}
    </>
  );
}

/** /w/$workspaceId/analytics — what happened after publishing, over a date range of the workspace's clock. */
export function AnalyticsPage({ workspaceId, range, compare, onChange }: AnalyticsPageProps) {
  const { timezone } = useWorkspace(workspaceId);
  const overview = useQuery(overviewQueryOptions(workspaceId, range));
  const followers = useQuery(followersQueryOptions(workspaceId, range));
  const data = overview.data;
  const measured = data ? data.totals.current.posts + data.totals.previous.posts > 0 : false;
  const anyMetrics = data ? data.networks.some((network) => reportsMetric(network, 'engagements')) : false;
  return (
    <>
      <PageHeader title="Analytics" description={`How your posts did · days in ${zoneLabel(timezone)}`} />
      <div className="space-y-6">
        <Card>
          <RangePicker
            key={`${range.from}:${range.to}`}
            range={range}
            compare={compare}
            timeZone={timezone}
            onChange={onChange}
          />
        </Card>
        {overview.isPending ? <LoadingState label="Loading analytics…" /> : null}
        {overview.isError ? <ErrorState error={overview.error} onRetry={() => void overview.refetch()} /> : null}
        {data && data.networks.length === 0 && !measured ? (
          <EmptyState
            title="No accounts yet"
            action={
              <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={buttonClasses('primary')}>
                Connect an account
              </Link>
            }
          >
            Analytics show how the posts of your connected accounts do: connect one and publish.
          </EmptyState>
        ) : null}
        {data && data.networks.length > 0 && !measured ? (
          <EmptyState
            title={anyMetrics ? 'No published posts in this range yet' : 'None of your networks reports metrics yet'}
            action={
              <Link to="/w/$workspaceId/posts/new" params={{ workspaceId }} className={buttonClasses('secondary')}>
                Write a post
              </Link>
            }
          >
            {anyMetrics
              ? 'Plume measures each post 15 minutes, 1 hour, 4 hours, 12 hours, a day, 3 days, a week and 30 days after it goes out. Choose a longer range, or publish.'
              : 'Plume reads likes, reposts, replies and followers where a network’s API gives them; the networks of your accounts give none yet.'}
          </EmptyState>
        ) : null}
        {data && measured ? (
          <>
            <KpiCards overview={data} compare={compare} />
            <EngagementChart overview={data} compare={compare} />
            <EngagementTables overview={data} compare={compare} />
          </>
        ) : null}
        {followers.data && followers.data.accounts.length > 0 && data ? (
          <FollowersChart series={followers.data} networks={data.networks} />
        ) : null}
        {followers.isError ? <ErrorState error={followers.error} onRetry={() => void followers.refetch()} /> : null}
        {data && measured ? <MeasuredSections workspaceId={workspaceId} range={range} timeZone={timezone} /> : null}
        <CompetitorsCard workspaceId={workspaceId} />
      </div>
    </>
  );
}
