import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Post } from '@plume/contract/posts/post-schemas';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { PostActions } from './post-actions.tsx';
import { postsQueryOptions } from './posts-query.ts';
import { postExcerpt } from './post-excerpt.ts';

function ReviewItem({ workspaceId, post, timeZone }: { workspaceId: string; post: Post; timeZone: string }) {
  const networkName = useNetworkName();
  const accounts =
    post.targets.map((t) => `${networkName(t.network)} · ${t.accountHandle}`).join(', ') || 'no accounts yet';
  return (
    <li>
      <article
        aria-label={`Post for review: ${postExcerpt(post.content, 40)}`}
        className="space-y-3 rounded-lg border border-line bg-surface p-4 shadow-sm"
      >
        <p className="text-sm [overflow-wrap:anywhere] whitespace-pre-wrap text-ink">
          {post.content.text || <span className="text-muted italic">No text</span>}
        </p>
        {post.content.hashtags.length > 0 ? (
          <p className="text-sm text-accent">{post.content.hashtags.join(' ')}</p>
        ) : null}
        <p className="text-xs text-muted">
          To {accounts} · {post.scheduledAt ? `for ${formatTime(post.scheduledAt, timeZone)}` : 'no time yet'}
          {post.content.thread.length > 0 ? ` · thread of ${post.content.thread.length + 1}` : ''}
          {post.content.mediaIds.length > 0 ? ` · ${post.content.mediaIds.length} media` : ''} ·{' '}
          <Link
            to="/w/$workspaceId/posts/$postId"
            params={{ workspaceId, postId: post.id }}
            className={textLinkClasses}
          >
            Open
          </Link>
        </p>
        <PostActions key={post.version} workspaceId={workspaceId} post={post} />
      </article>
    </li>
  );
}

/** /w/$workspaceId/review — posts waiting for approval, with approve, request changes and reject. */
export function ReviewQueuePage({ workspaceId }: { workspaceId: string }) {
  const { timezone } = useWorkspace(workspaceId);
  const queue = useQuery(postsQueryOptions(workspaceId, { state: 'in_review' }));
  return (
    <>
      <PageHeader
        title="Review"
        description="Posts waiting for approval. Approved posts with a time are scheduled at once."
      />
      {queue.isPending ? <LoadingState label="Loading posts in review…" /> : null}
      {queue.isError ? <ErrorState error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isSuccess && queue.data.items.length === 0 ? (
        <Card>
          <EmptyState title="Nothing to review">When someone submits a post for review, it shows up here.</EmptyState>
        </Card>
      ) : null}
      {queue.isSuccess && queue.data.items.length > 0 ? (
        <ul aria-label="Posts in review" className="space-y-4">
          {queue.data.items.map((post) => (
            <ReviewItem key={post.id} workspaceId={workspaceId} post={post} timeZone={timezone} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
