import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { emergencyReplaceResponse } from '@plume/contract/planning/emergency-schemas';
import type { Post } from '@plume/contract/posts/post-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { postsPath } from './posts-query.ts';

/**
 * Emergency replacement of a scheduled post: pulled (unscheduled and cancelled) with a reason, and a
 * replacement draft written for the same time and accounts, to be approved like any draft.
 */
export function PullAndReplace({ workspaceId, post }: { workspaceId: string; post: Post }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const pull = useMutation({
    mutationFn: (text: string) =>
      api.post(`${postsPath(workspaceId, post.id)}/emergency-replace`, { reason: text }, emergencyReplaceResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] }),
  });
  const done = pull.data;
  if (done)
    return (
      <div role="status" className="rounded-md border border-line bg-subtle p-3 text-sm">
        <p className="font-medium text-ink">Pulled: this post will not go out.</p>
        {done.replacementPostId ? (
          <p className="mt-1">
            A replacement draft takes its time.{' '}
            <Link
              to="/w/$workspaceId/posts/$postId"
              params={{ workspaceId, postId: done.replacementPostId }}
              className={textLinkClasses}
            >
              Open the replacement draft
            </Link>
          </p>
        ) : (
          <p className="mt-1 text-danger">No replacement draft could be written: {done.problem}</p>
        )}
      </div>
    );
  // Only someone who may cancel the post may pull it.
  if (post.state !== 'scheduled' || !post.actions.includes('cancel')) return null;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Pull and replace
      </Button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pull.mutate(reason);
  };
  const reasonError = fieldErrorsOf(pull.error)['reason'];
  return (
    <form
      onSubmit={submit}
      className="space-y-2 rounded-md border border-line p-3"
      aria-label="Pull and replace"
      noValidate
    >
      <TextField
        label="Why pull it?"
        hint="It is unscheduled at once; the writer of the replacement gets this reason and the post's text."
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" isPending={pull.isPending} pendingLabel="Pulling and writing the replacement…">
          Pull and write a replacement
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)} disabled={pull.isPending}>
          Cancel
        </Button>
      </div>
      {pull.isError && !reasonError ? <FormAlert error={pull.error} /> : null}
    </form>
  );
}
