import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { isPostState, POST_STATES, type PostState, stateLabel } from '@plume/contract/posts/post-states';
import { buttonClasses } from '../../components/button-classes.ts';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { TableCaption } from '../../components/table-caption.tsx';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { postExcerpt } from './post-excerpt.ts';
import { postsQueryOptions } from './posts-query.ts';
import { StateBadge } from './state-badge.tsx';
import { UnconfirmedNotice } from './unconfirmed/unconfirmed-notice.tsx';
import { UnconfirmedPostsTable } from './unconfirmed/unconfirmed-posts-table.tsx';

interface PostsPageProps {
  workspaceId: string;
  state: PostState | undefined;
  onStateChange: (state: PostState | undefined) => void;
}

const stateOptions = [
  { value: '', label: 'All states' },
  ...POST_STATES.map((s) => ({ value: s, label: stateLabel(s) })),
];

/** /w/$workspaceId/posts — every post, filterable by state. */
export function PostsPage({ workspaceId, state, onStateChange }: PostsPageProps) {
  const posts = useQuery(postsQueryOptions(workspaceId, state ? { state } : {}));
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        title="Posts"
        description="Drafts, posts in review, scheduled and published posts."
        action={
          <div className="flex flex-wrap gap-2">
            <Link to="/w/$workspaceId/posts/import" params={{ workspaceId }} className={buttonClasses('secondary')}>
              Import CSV
            </Link>
            <Link to="/w/$workspaceId/posts/new" params={{ workspaceId }} className={buttonClasses('primary')}>
              New post
            </Link>
          </div>
        }
      />
      <Card>
        <div className="mb-4 max-w-xs">
          <SelectField
            label="State"
            options={stateOptions}
            value={state ?? ''}
            onChange={(e) => onStateChange(isPostState(e.target.value) ? e.target.value : undefined)}
          />
        </div>
        {posts.isPending ? <LoadingState label="Loading posts…" /> : null}
        {posts.isError ? <ErrorState error={posts.error} onRetry={() => void posts.refetch()} /> : null}
        {posts.isSuccess && !state ? (
          <UnconfirmedNotice posts={posts.data.items} onShow={() => onStateChange('unconfirmed')} />
        ) : null}
        {posts.isSuccess && state === 'unconfirmed' ? (
          <UnconfirmedPostsTable workspaceId={workspaceId} posts={posts.data.items} />
        ) : null}
        {posts.isSuccess && state !== 'unconfirmed' && posts.data.items.length === 0 ? (
          <EmptyState title={state ? `No ${stateLabel(state).toLowerCase()} posts` : 'No posts yet'}>
            Write a post, choose the accounts it goes to, and schedule it or send it for review.
          </EmptyState>
        ) : null}
        {posts.isSuccess && state !== 'unconfirmed' && posts.data.items.length > 0 ? (
          <TableScroller>
            <table className="w-full min-w-[44rem] text-left text-sm text-muted">
              <TableCaption title="Posts" timeZone={timeZone} />
              <TableHead columns={['Post', 'State', 'Accounts', 'Scheduled', 'Updated']} />
              <tbody className="divide-y divide-line">
                {posts.data.items.map((post) => (
                  <tr key={post.id} className="align-top">
                    <td className="py-3 pr-4">
                      <Link
                        to="/w/$workspaceId/posts/$postId"
                        params={{ workspaceId, postId: post.id }}
                        className={textLinkClasses}
                      >
                        {postExcerpt(post.content)}
                      </Link>
                    </td>
                    <td className="py-3 pr-4">
                      <StateBadge state={post.state} />
                    </td>
                    <td className="py-3 pr-4">{post.targets.map((t) => t.accountHandle).join(', ') || '—'}</td>
                    <td className="py-3 pr-4 whitespace-nowrap">
                      {formatTime(post.scheduledAt, timeZone, { withZone: false })}
                    </td>
                    <td className="py-3 pr-4 whitespace-nowrap">
                      {formatTime(post.updatedAt, timeZone, { withZone: false })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        ) : null}
      </Card>
    </>
  );
}
