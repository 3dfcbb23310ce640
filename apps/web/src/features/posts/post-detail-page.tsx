import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { PostDetail } from '@plume/contract/posts/post-schemas';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { PostMetricsCard } from '../analytics/post-metrics-card.tsx';
import { useNetworkName } from '../networks/use-network-name.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { PredictedVsActual } from '../insights/predicted-vs-actual.tsx';
import { PostActions } from './post-actions.tsx';
import { PostHistory } from './post-history.tsx';
import { PullAndReplace } from './pull-and-replace.tsx';
import { postQueryOptions } from './posts-query.ts';
import { StateBadge } from './state-badge.tsx';
import { TargetStatus } from './target-status.tsx';
import { DeleteFromNetwork } from './delete-from-network.tsx';

// While the engine works on a post its page follows along; settled posts are not polled.
const ACTIVE = new Set(['scheduled', 'publishing']);

function TargetsTable(props: { workspaceId: string; post: PostDetail; timeZone: string; canDelete: boolean }) {
  const { workspaceId, post, timeZone, canDelete } = props;
  const networkName = useNetworkName();
  if (post.targets.length === 0) return <p className="text-sm text-muted">No accounts chosen.</p>;
  const predictionOf = (targetId: string) => post.predictions.find((item) => item.targetId === targetId);
  return (
    <TableScroller>
      <table className="w-full min-w-[40rem] text-left text-sm text-muted">
        <caption className="sr-only">Targets</caption>
        <TableHead columns={['Account', 'State', 'Details']} />
        <tbody className="divide-y divide-line">
          {post.targets.map((t) => (
            <tr key={t.id} className="align-top">
              <td className="py-3 pr-4 text-ink">
                {networkName(t.network)} · {t.accountHandle}
              </td>
              <td className="py-3 pr-4">
                <StateBadge state={t.state} />
              </td>
              <td className="py-3 pr-4 [overflow-wrap:anywhere]">
                <TargetStatus target={t} timeZone={timeZone} />
                <PredictedVsActual prediction={predictionOf(t.id)} timezone={timeZone} />
                {canDelete && t.state === 'published' ? (
                  <DeleteFromNetwork
                    workspaceId={workspaceId}
                    post={post}
                    target={t}
                    networkName={networkName(t.network)}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** /w/$workspaceId/posts/$postId — content, per-target status, history and the next moves. */
export function PostDetailPage({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const { timezone, role } = useWorkspace(workspaceId);
  const post = useQuery({
    ...postQueryOptions(workspaceId, postId),
    refetchInterval: (query) => (query.state.data && ACTIVE.has(query.state.data.state) ? 3000 : false),
  });
  const back = (
    <Link to="/w/$workspaceId/posts" params={{ workspaceId }} className={textLinkClasses}>
      Back to posts
    </Link>
  );
  if (post.isPending) return <LoadingState label="Loading the post…" />;
  if (post.isError)
    return (
      <>
        <PageHeader title="Post" description={back} />
        <ErrorState error={post.error} onRetry={() => void post.refetch()} />
      </>
    );
  const p = post.data;
  return (
    <>
      <PageHeader title="Post" description={back} action={<StateBadge state={p.state} />} />
      <div className="space-y-6">
        <Card title="Actions">
          <PostActions key={p.version} workspaceId={workspaceId} post={p} />
          <div className="mt-3">
            <PullAndReplace key={p.id} workspaceId={workspaceId} post={p} />
          </div>
          {p.reviewNote ? <p className="mt-3 text-sm text-muted">Review note: {p.reviewNote}</p> : null}
          {p.issues.length > 0 ? (
            <div className="mt-3 rounded-md border border-warning/40 bg-warning-soft p-3 text-sm text-warning">
              <p className="font-medium">Before it can publish:</p>
              <ul className="list-disc pl-5">
                {p.issues.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card
          title="Content"
          description={`${p.scheduledAt ? `Scheduled for ${formatTime(p.scheduledAt, timezone)}` : 'No time set yet'} · Version ${p.version}`}
        >
          <p className="text-sm [overflow-wrap:anywhere] whitespace-pre-wrap text-ink">
            {p.content.text || <span className="text-muted italic">No text</span>}
          </p>
          {p.content.hashtags.length > 0 ? (
            <p className="mt-2 text-sm text-accent">{p.content.hashtags.join(' ')}</p>
          ) : null}
          {p.content.thread.map((part, index) => (
            <p key={index} className="mt-3 border-t border-line pt-3 text-sm whitespace-pre-wrap text-ink">
              <span className="mb-1 block text-xs text-muted">Thread part {index + 2}</span>
              {part.text}
            </p>
          ))}
          {p.content.mediaIds.length > 0 ? (
            <p className="mt-2 text-xs text-muted">{p.content.mediaIds.length} media attached</p>
          ) : null}
        </Card>
        <Card title="Targets">
          <TargetsTable workspaceId={workspaceId} post={p} timeZone={timezone} canDelete={role !== 'viewer'} />
        </Card>
        {p.targets.some((target) => target.state === 'published') ? (
          <PostMetricsCard workspaceId={workspaceId} postId={p.id} timeZone={timezone} />
        ) : null}
        <Card title="History">
          <PostHistory events={p.events} timeZone={timezone} />
        </Card>
      </div>
    </>
  );
}
