import type { Post } from '@plume/contract/posts/post-schemas';
import { Button } from '../../../components/button.tsx';

/** Above the full list: how many posts wait for someone to check the network, and a way to them. */
export function UnconfirmedNotice({ posts, onShow }: { posts: Post[]; onShow: () => void }) {
  const count = posts.filter((post) => post.state === 'unconfirmed').length;
  if (count === 0) return null;
  return (
    <div
      role="note"
      aria-label="Unconfirmed posts"
      className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning"
    >
      <span>
        {count === 1 ? '1 post needs' : `${count} posts need`} checking: Plume could not tell whether{' '}
        {count === 1 ? 'it' : 'they'} went out.
      </span>
      <Button variant="secondary" onClick={onShow}>
        Resolve unconfirmed posts
      </Button>
    </div>
  );
}
