import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { PostActions } from './post-actions.tsx';
import { stateLabel, type PostEvent } from './post-types.ts';
import { postQueryOptions } from './posts-query.ts';
import { StateBadge } from './state-badge.tsx';

function describeEvent(event: PostEvent): string {
  const what = event.type.replace(/_/g, ' ');
  const move = event.fromState && event.toState ? ` (${stateLabel(event.fromState)} → ${stateLabel(event.toState)})` : '';
  const reason = typeof event.detail.reason === 'string' ? ` — ${event.detail.reason}` : '';
  return `${what}${move}${reason}`;
}

/** /w/$workspaceId/posts/$postId — content, targets, history and the next moves. */
export function PostDetailPage({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const post = useQuery(postQueryOptions(workspaceId, postId));
  const back = <Link to="/w/$workspaceId/posts" params={{ workspaceId }} className={textLinkClasses}>Back to posts</Link>;
  if (post.isPending) return <LoadingState label="Loading the post…" />;
  if (post.isError) return <><PageHeader title="Post" description={back} /><ErrorState error={post.error} onRetry={() => void post.refetch()} /></>;
  const p = post.data;
  return (
    <>
      <PageHeader title="Post" description={back} action={<StateBadge state={p.state} />} />
      <div className="space-y-6">
        <Card title="Actions">
          <PostActions workspaceId={workspaceId} post={p} />
          {p.reviewNote ? <p className="mt-3 text-sm text-muted">Review note: {p.reviewNote}</p> : null}
          {p.issues.length > 0 ? (
            <div className="mt-3 rounded-md border border-warning/40 bg-warning-soft p-3 text-sm text-warning">
              <p className="font-medium">Before it can publish:</p>
              <ul className="list-disc pl-5">
                {p.issues.map((issue) => <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>)}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card title="Content" description={`Scheduled: ${formatDateTime(p.scheduledAt)} · Version ${p.version}`}>
          <p className="text-sm [overflow-wrap:anywhere] whitespace-pre-wrap text-ink">{p.content.text || '(no text)'}</p>
          {p.content.hashtags.length > 0 ? <p className="mt-2 text-sm text-accent">{p.content.hashtags.join(' ')}</p> : null}
        </Card>
        <Card title="Targets">
          {p.targets.length === 0 ? <p className="text-sm text-muted">No accounts chosen.</p> : (
            <TableScroller>
              <table className="w-full min-w-[40rem] text-left text-sm text-muted">
                <caption className="sr-only">Targets</caption>
                <TableHead columns={['Account', 'State', 'Published', 'Details']} />
                <tbody className="divide-y divide-line">
                  {p.targets.map((t) => (
                    <tr key={t.id} className="align-top">
                      <td className="py-3 pr-4 text-ink">{t.network} · {t.accountHandle}</td>
                      <td className="py-3 pr-4"><StateBadge state={t.state} /></td>
                      <td className="py-3 pr-4 whitespace-nowrap">
                        {t.remoteUrl ? (
                          <a href={t.remoteUrl} target="_blank" rel="noreferrer" className={textLinkClasses}>
                            View<span className="sr-only"> on {t.network}</span>
                          </a>
                        ) : formatDateTime(t.publishedAt)}
                      </td>
                      <td className="py-3 pr-4">
                        {t.failureReason ? <span className="text-danger">{t.failureReason}</span> : null}
                        {t.attempts > 0 ? <span className="block text-xs">Attempts: {t.attempts}</span> : null}
                        {t.nextAttemptAt ? <span className="block text-xs">Next attempt {formatDateTime(t.nextAttemptAt)}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
        </Card>
        <Card title="History">
          {p.events.length === 0 ? <p className="text-sm text-muted">Nothing yet.</p> : (
            <ol className="space-y-2 text-sm">
              {p.events.map((event) => (
                <li key={event.id} className="flex flex-wrap gap-x-3">
                  <time dateTime={event.createdAt} className="text-muted whitespace-nowrap">{formatDateTime(event.createdAt)}</time>
                  <span className="text-ink">{describeEvent(event)}</span>
                  {event.actorName ? <span className="text-muted">by {event.actorName}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
