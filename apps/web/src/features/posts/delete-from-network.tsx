import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postDetailSchema, type PostDetail, type PostTarget } from '@plume/contract/posts/post-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { api } from '../../lib/api.ts';
import { postQueryOptions, postsPath } from './posts-query.ts';

type Props = { workspaceId: string; post: PostDetail; target: PostTarget; networkName: string };

/** Where the last try at deleting a published target stands, when it did not delete it. */
function DeletionNotice({ deletion }: { deletion: PostDetail['deletions'][number] | undefined }) {
  if (deletion === undefined) return null;
  const lead =
    deletion.state === 'running'
      ? 'Deleting from the network…'
      : deletion.state === 'unknown'
        ? 'We could not tell whether the network deleted it.'
        : 'The network did not delete it.';
  return (
    <span role="status" className={`mt-1 block ${deletion.state === 'running' ? 'text-muted' : 'text-danger'}`}>
      <span className="block font-medium">{lead}</span>
      {deletion.reason ? <span className="block">{deletion.reason}</span> : null}
    </span>
  );
}

/** "Delete from <network>" on a published target, behind a dialog that names the network and says it is final. */
export function DeleteFromNetwork({ workspaceId, post, target, networkName }: Props) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      api.post(
        `${postsPath(workspaceId, post.id)}/targets/${encodeURIComponent(target.id)}/delete`,
        {},
        postDetailSchema,
      ),
    onSuccess: (detail) => {
      queryClient.setQueryData(postQueryOptions(workspaceId, post.id).queryKey, detail);
      setOpen(false);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: postQueryOptions(workspaceId, post.id).queryKey }),
  });
  const titleId = `delete-target-${target.id}`;
  return (
    <>
      <DeletionNotice deletion={post.deletions.find((item) => item.targetId === target.id)} />
      <Button variant="secondary" className="mt-2" onClick={() => setOpen(true)}>
        Delete from {networkName}
      </Button>
      {open ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          className="fixed inset-0 z-20 flex items-center justify-center bg-ink/30 p-4"
        >
          <div className="w-full max-w-md rounded-lg bg-surface p-4 shadow-lg">
            <h2 id={titleId} className="text-lg font-semibold text-ink">
              Delete this post from {networkName}?
            </h2>
            <p className="mt-2 text-sm text-muted">
              Plume asks {networkName} to delete the post from {target.accountHandle}. This cannot be undone: the post
              and the replies and reactions on it disappear from {networkName}. Plume keeps the post and its history.
            </p>
            {remove.isError ? <FormAlert error={remove.error} /> : null}
            <div className="mt-4 flex gap-2">
              <Button
                variant="danger"
                isPending={remove.isPending}
                pendingLabel="Deleting…"
                onClick={() => remove.mutate()}
              >
                Delete from {networkName}
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                Keep it
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
