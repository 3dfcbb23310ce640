import type { ConversationDetail } from '@plume/contract/inbox/inbox-schemas';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';

/** The published post the conversation belongs to: its text, link and when it went out. */
export function ConversationPost({ post, timeZone }: { post: ConversationDetail['post']; timeZone: string }) {
  if (post === null) return null;
  return (
    <section aria-label="The post" className="rounded-md border border-line bg-subtle p-3 text-sm">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">On our post</p>
      <p className="mt-1 line-clamp-4 whitespace-pre-line text-ink">{post.text}</p>
      <p className="mt-2 flex flex-wrap gap-x-3 text-xs text-muted">
        <span>Published {formatTime(post.publishedAt, timeZone)}</span>
        {post.url ? (
          <a href={post.url} target="_blank" rel="noreferrer" className={textLinkClasses}>
            Open the post
          </a>
        ) : null}
      </p>
    </section>
  );
}
