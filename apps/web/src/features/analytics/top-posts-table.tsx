import { Link } from '@tanstack/react-router';
import type { MeasuredPostView } from '@plume/contract/analytics/analytics-schemas';
import { EmptyState } from '../../components/empty-state.tsx';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { postExcerpt } from '../posts/post-excerpt.ts';
import { formatCount, formatRate } from './analytics-format.ts';
import { ExportButton } from './export-button.tsx';

interface TopPostsTableProps {
  workspaceId: string;
  title: string;
  posts: readonly MeasuredPostView[];
  timeZone: string;
  fileName: string;
  /** What an empty list means here. */
  emptyText: string;
}

function PostText({ workspaceId, post }: { workspaceId: string; post: MeasuredPostView }) {
  const text = post.text
    ? postExcerpt({ text: post.text, mediaIds: [], thread: [], hashtags: [] })
    : 'No text (media only)';
  if (post.postId)
    return (
      <Link
        to="/w/$workspaceId/posts/$postId"
        params={{ workspaceId, postId: post.postId }}
        className={textLinkClasses}
      >
        {text}
      </Link>
    );
  if (post.remoteUrl)
    return (
      <a href={post.remoteUrl} target="_blank" rel="noreferrer noopener" className={textLinkClasses}>
        {text}
      </a>
    );
  return <>{text}</>;
}

/** The best (or worst) posts of the range: text, account, when, engagements, rate and impressions. */
export function TopPostsTable({ workspaceId, title, posts, timeZone, fileName, emptyText }: TopPostsTableProps) {
  const networkName = useNetworkName();
  const header = [
    'Post',
    'Account',
    'Published',
    'Engagements',
    'Engagement rate',
    'Impressions',
    'Likes',
    'Reposts',
    'Replies',
    'Link',
  ];
  const rows = posts.map((post) => [
    post.text,
    `${networkName(post.network)} ${post.handle}`,
    post.publishedAt,
    post.engagements,
    post.engagementRate,
    post.impressions,
    post.likes,
    post.reposts,
    post.replies,
    post.remoteUrl,
  ]);
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-ink">{title}</h3>
        <ExportButton what={title.toLowerCase()} fileName={fileName} header={header} rows={rows} />
      </div>
      {posts.length === 0 ? (
        <EmptyState title={emptyText} />
      ) : (
        <TableScroller>
          <table className="w-full min-w-[40rem] text-left text-sm text-muted">
            <TableCaption title={title} timeZone={timeZone} />
            <TableHead columns={['Post', 'Account', 'Published', 'Engagements', 'Rate', 'Impressions']} />
            <tbody className="divide-y divide-line">
              {posts.map((post) => (
                <tr key={post.id} className="align-top">
                  <td className="max-w-sm py-2 pr-4 text-ink [overflow-wrap:anywhere]">
                    <PostText workspaceId={workspaceId} post={post} />
                    {post.status === 'gone' ? (
                      <span className="ml-1 text-xs text-muted">(deleted or private)</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">
                    {networkName(post.network)} · {post.handle}
                  </td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {formatTime(post.publishedAt, timeZone, { withZone: false })}
                  </td>
                  <td className="py-2 pr-4 tabular-nums text-ink">{formatCount(post.engagements)}</td>
                  <td className="py-2 pr-4 tabular-nums">
                    {post.engagementRate === null ? (
                      <span className="text-xs">unknown</span>
                    ) : (
                      formatRate(post.engagementRate)
                    )}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    {post.impressions === null ? (
                      <span className="text-xs">not reported by {networkName(post.network)}</span>
                    ) : (
                      formatCount(post.impressions)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </div>
  );
}
