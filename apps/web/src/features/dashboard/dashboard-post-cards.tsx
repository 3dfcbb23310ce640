import type { ReactNode } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Post, PostPage } from '@plume/contract/posts/post-schemas';
import { buttonClasses } from '../../components/button-classes.ts';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime, zoneLabel } from '../../lib/format-time.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { postExcerpt } from '../posts/post-excerpt.ts';
import { StateBadge } from '../posts/state-badge.tsx';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { attentionQueryOptions, recentQueryOptions, UPCOMING_DAYS, upcomingQueryOptions } from './dashboard-queries.ts';
import { attentionReason, latestPublished, publishedAt, soonestFirst } from './dashboard-summary.ts';

const SHOWN = 5;

interface PostListProps {
  workspaceId: string;
  label: string;
  posts: Post[];
  /** The moment each post is listed by (scheduled for, published at). */
  timeOf: (post: Post) => string | null;
  note?: (post: Post) => ReactNode;
}

/** Posts as short lines: what, where to, when (on the workspace clock) and state; each opens the post. */
function PostList({ workspaceId, label, posts, timeOf, note }: PostListProps) {
  const timeZone = useTimeZone();
  const networkName = useNetworkName();
  return (
    <ul aria-label={label} className="divide-y divide-line">
      {posts.map((post) => (
        <li key={post.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-3">
          <div className="min-w-0 flex-1">
            <Link
              to="/w/$workspaceId/posts/$postId"
              params={{ workspaceId, postId: post.id }}
              className={`${textLinkClasses} [overflow-wrap:anywhere]`}
            >
              {postExcerpt(post.content, 70)}
            </Link>
            <p className="text-xs text-muted">
              <time dateTime={timeOf(post) ?? undefined}>
                {formatTime(timeOf(post), timeZone, { withZone: false })}
              </time>
              {post.targets.length > 0
                ? ` · to ${post.targets.map((target) => `${networkName(target.network)} ${target.accountHandle}`).join(', ')}`
                : ''}
            </p>
            {note ? <p className="mt-1 text-xs text-danger [overflow-wrap:anywhere]">{note(post)}</p> : null}
          </div>
          <StateBadge state={post.state} />
        </li>
      ))}
    </ul>
  );
}

function Loaded({
  query,
  children,
}: {
  query: UseQueryResult<PostPage>;
  children: (posts: Post[], more: boolean) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label="Loading posts…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data.items, query.data.nextCursor !== null)}</>;
}

function zoneNote(timeZone: string): string {
  return `Times in ${zoneLabel(timeZone)}.`;
}

/** "Next up": the soonest scheduled posts of the next 30 days. */
export function UpcomingCard({ workspaceId }: { workspaceId: string }) {
  const query = useQuery(upcomingQueryOptions(workspaceId));
  const timeZone = useTimeZone();
  const calendar = (
    <Link to="/w/$workspaceId/calendar" params={{ workspaceId }} className={textLinkClasses}>
      Open the calendar
    </Link>
  );
  return (
    <Card title="Next up" description={`Scheduled posts, soonest first. ${zoneNote(timeZone)}`} action={calendar}>
      <Loaded query={query}>
        {(posts) =>
          posts.length === 0 ? (
            <EmptyState
              title="Nothing scheduled"
              action={
                <Link to="/w/$workspaceId/posts/new" params={{ workspaceId }} className={buttonClasses('secondary')}>
                  Write a post
                </Link>
              }
            >
              No post is scheduled for the next {UPCOMING_DAYS} days.
            </EmptyState>
          ) : (
            <>
              <PostList
                workspaceId={workspaceId}
                label="Next scheduled posts"
                posts={soonestFirst(posts, SHOWN)}
                timeOf={(post) => post.scheduledAt}
              />
              {posts.length > SHOWN ? (
                <p className="pt-2 text-xs text-muted">
                  {posts.length - SHOWN} more in the next {UPCOMING_DAYS} days.
                </p>
              ) : null}
            </>
          )
        }
      </Loaded>
    </Card>
  );
}

/** "Recently published": the latest posts that went out. */
export function RecentCard({ workspaceId }: { workspaceId: string }) {
  const query = useQuery(recentQueryOptions(workspaceId));
  const timeZone = useTimeZone();
  const all = (
    <Link
      to="/w/$workspaceId/posts"
      search={{ state: 'published' }}
      params={{ workspaceId }}
      className={textLinkClasses}
    >
      All published
    </Link>
  );
  return (
    <Card title="Recently published" description={`The latest posts that went out. ${zoneNote(timeZone)}`} action={all}>
      <Loaded query={query}>
        {(posts) =>
          posts.length === 0 ? (
            <EmptyState title="Nothing published yet">
              Published posts show up here with the time they went out.
            </EmptyState>
          ) : (
            <PostList
              workspaceId={workspaceId}
              label="Recently published posts"
              posts={latestPublished(posts, SHOWN)}
              timeOf={publishedAt}
            />
          )
        }
      </Loaded>
    </Card>
  );
}

/** "Needs attention": failed and unconfirmed posts, each with why. */
export function AttentionCard({ workspaceId }: { workspaceId: string }) {
  const query = useQuery(attentionQueryOptions(workspaceId));
  const timeZone = useTimeZone();
  return (
    <Card
      title="Needs attention"
      description={`Posts that failed, or whose outcome Plume could not confirm. ${zoneNote(timeZone)}`}
    >
      <Loaded query={query}>
        {(posts, more) =>
          posts.length === 0 ? (
            <p className="text-sm text-muted">Nothing needs attention: no failed or unconfirmed posts.</p>
          ) : (
            <>
              <PostList
                workspaceId={workspaceId}
                label="Posts that need attention"
                posts={posts.slice(0, SHOWN)}
                timeOf={(post) => post.scheduledAt}
                note={attentionReason}
              />
              <p className="flex flex-wrap gap-x-4 pt-2 text-xs">
                <Link
                  to="/w/$workspaceId/posts"
                  search={{ state: 'failed' }}
                  params={{ workspaceId }}
                  className={textLinkClasses}
                >
                  All failed posts
                </Link>
                <Link
                  to="/w/$workspaceId/posts"
                  search={{ state: 'unconfirmed' }}
                  params={{ workspaceId }}
                  className={textLinkClasses}
                >
                  All unconfirmed posts
                </Link>
                {posts.length > SHOWN || more ? (
                  <span className="text-muted">{more ? `${posts.length}+` : posts.length} in all.</span>
                ) : null}
              </p>
            </>
          )
        }
      </Loaded>
    </Card>
  );
}
