import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatChange, formatCount, relativeChange } from '../analytics/analytics-format.ts';
import { overviewQueryOptions, topPostsQueryOptions } from '../analytics/analytics-queries.ts';
import { lastDays } from '../analytics/analytics-range.ts';
import { unknownReason } from '../analytics/metric-coverage.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { postExcerpt } from '../posts/post-excerpt.ts';

function Figure({
  label,
  value,
  change,
  note,
}: {
  label: string;
  value: string;
  change: number | null;
  note?: string;
}) {
  return (
    <div>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-2xl font-semibold text-ink">{value}</dd>
      <dd className="text-xs text-muted">
        {note ?? (change === null ? 'no change to compare' : `${formatChange(change)} vs the 7 days before`)}
      </dd>
    </div>
  );
}

/** The dashboard's last 7 days at a glance: posts out, engagements, and the best post; the rest is on Analytics. */
export function LastWeekCard({ workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  const networkName = useNetworkName();
  const range = lastDays(7, timeZone);
  const overview = useQuery(overviewQueryOptions(workspaceId, range));
  const top = useQuery(topPostsQueryOptions(workspaceId, range, 1));
  const link = (
    <Link to="/w/$workspaceId/analytics" params={{ workspaceId }} className={`${textLinkClasses} text-sm`}>
      All analytics
    </Link>
  );
  const best = top.data?.top[0];
  return (
    <Card title="Last 7 days" action={link}>
      {overview.isPending ? <LoadingState label="Loading the week…" /> : null}
      {overview.isError ? <ErrorState error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <dl className="grid gap-4 sm:grid-cols-2">
          <Figure
            label="Posts out"
            value={formatCount(overview.data.totals.current.posts)}
            change={relativeChange(overview.data.totals.current.posts, overview.data.totals.previous.posts)}
          />
          <Figure
            label="Engagements"
            value={formatCount(overview.data.totals.current.engagements)}
            change={relativeChange(overview.data.totals.current.engagements, overview.data.totals.previous.engagements)}
            {...(overview.data.totals.current.engagements === null
              ? { note: unknownReason(overview.data.networks, 'engagements', networkName) }
              : {})}
          />
        </dl>
      ) : null}
      {best ? (
        <div className="mt-4 border-t border-line pt-3 text-sm">
          <p className="text-muted">Top post</p>
          <p className="text-ink [overflow-wrap:anywhere]">
            {best.postId ? (
              <Link
                to="/w/$workspaceId/posts/$postId"
                params={{ workspaceId, postId: best.postId }}
                className={textLinkClasses}
              >
                {postExcerpt({ text: best.text, mediaIds: [], thread: [], hashtags: [] }, 70)}
              </Link>
            ) : (
              postExcerpt({ text: best.text, mediaIds: [], thread: [], hashtags: [] }, 70)
            )}
          </p>
          <p className="text-xs text-muted">
            {formatCount(best.engagements)} engagements · {networkName(best.network)} {best.handle}
          </p>
        </div>
      ) : null}
    </Card>
  );
}
