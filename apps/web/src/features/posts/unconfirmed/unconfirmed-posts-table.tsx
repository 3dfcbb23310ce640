import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Post } from '@plume/contract/posts/post-schemas';
import type { Resolution, ResolvedPost } from '@plume/contract/posts/resolve-unconfirmed-schemas';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { textLinkClasses } from '../../../components/text-link-classes.ts';
import { useWorkspace } from '../../workspaces/use-workspace.ts';
import { postsKey } from '../posts-query.ts';
import { formatTime } from '../../../lib/format-time.ts';
import { describeResolved, resolveUnconfirmed } from './resolve-unconfirmed.ts';

function excerpt(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || '(media only)';
}

/**
 * The unconfirmed posts of the Posts page, to resolve many at once after checking the networks: select
 * them, then "It was published" or "Not published — publish now". One request for all of them.
 */
export function UnconfirmedPostsTable({ workspaceId, posts }: { workspaceId: string; posts: Post[] }) {
  const queryClient = useQueryClient();
  const { timezone } = useWorkspace(workspaceId);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<{ resolution: Resolution; results: ResolvedPost[] } | null>(null);
  const unconfirmed = posts.filter((post) => post.state === 'unconfirmed');
  const chosen = unconfirmed.filter((post) => selected.has(post.id)).map((post) => post.id);
  const resolve = useMutation({
    mutationFn: (resolution: Resolution) => resolveUnconfirmed(workspaceId, chosen, resolution),
    onSuccess: async ({ results }, resolution) => {
      setOutcome({ resolution, results });
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) });
    },
  });
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChosen = unconfirmed.length > 0 && chosen.length === unconfirmed.length;
  const textOf = (id: string) => excerpt(posts.find((post) => post.id === id)?.content.text ?? id);
  const refused = outcome?.results.filter((result) => !result.ok) ?? [];
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        Plume could not tell whether these went out. Check each account on its network, select the posts, then say what
        you found.
      </p>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Resolve selected posts">
        <span className="text-sm text-muted">{chosen.length} selected</span>
        <Button
          onClick={() => resolve.mutate('published')}
          disabled={chosen.length === 0}
          isPending={resolve.isPending && resolve.variables === 'published'}
          pendingLabel="Saving…"
        >
          It was published
        </Button>
        <Button
          variant="secondary"
          onClick={() => resolve.mutate('republish')}
          disabled={chosen.length === 0}
          isPending={resolve.isPending && resolve.variables === 'republish'}
          pendingLabel="Saving…"
        >
          Not published — publish now
        </Button>
      </div>
      <FormAlert error={resolve.error} />
      {outcome ? <StatusMessage>{describeResolved(outcome.results, outcome.resolution)}</StatusMessage> : null}
      {refused.length > 0 ? (
        <FormAlert message={`${refused.length} could not be resolved:`}>
          <ul className="mt-1 list-disc pl-5">
            {refused.map((result) => (
              <li key={result.postId}>
                {textOf(result.postId)}: {result.ok ? '' : result.message}
              </li>
            ))}
          </ul>
        </FormAlert>
      ) : null}
      {unconfirmed.length === 0 ? (
        <EmptyState title="No unconfirmed posts">Every post that went out is accounted for.</EmptyState>
      ) : null}
      {unconfirmed.length > 0 ? (
        <TableScroller>
          <table className="w-full min-w-[40rem] text-left text-sm text-muted">
            <caption className="sr-only">Unconfirmed posts</caption>
            <thead>
              <tr className="border-b border-line text-xs font-medium tracking-wide text-muted uppercase">
                <th scope="col" className="py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label="Select all unconfirmed posts"
                    className="size-4 accent-accent"
                    checked={allChosen}
                    onChange={(event) =>
                      setSelected(new Set(event.target.checked ? unconfirmed.map((post) => post.id) : []))
                    }
                  />
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Post
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Accounts
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Due ({timezone})
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {unconfirmed.map((post) => (
                <tr key={post.id} className="align-top">
                  <td className="py-3 pr-2">
                    <input
                      type="checkbox"
                      aria-label={`Select “${excerpt(post.content.text)}”`}
                      className="size-4 accent-accent"
                      checked={selected.has(post.id)}
                      onChange={(event) => toggle(post.id, event.target.checked)}
                    />
                  </td>
                  <td className="py-3 pr-4">
                    <Link
                      to="/w/$workspaceId/posts/$postId"
                      params={{ workspaceId, postId: post.id }}
                      className={textLinkClasses}
                    >
                      {excerpt(post.content.text)}
                    </Link>
                  </td>
                  <td className="py-3 pr-4">
                    {post.targets
                      .filter((target) => target.state === 'unconfirmed')
                      .map((target) => target.accountHandle)
                      .join(', ') || '—'}
                  </td>
                  <td className="py-3 pr-4 whitespace-nowrap">{formatTime(post.scheduledAt, timezone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      ) : null}
    </div>
  );
}
