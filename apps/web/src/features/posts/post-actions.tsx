import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { PostActionType } from '@plume/contract/posts/post-actions';
import type { Post, PostActionBody } from '@plume/contract/posts/post-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { hasErrorCode } from '../../lib/field-errors.ts';
import { actOnPost, postsKey } from './posts-query.ts';
import { problemsByPath } from './problems-by-path.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { isoToZonedInput, zonedInputToIso } from './schedule-time.ts';

type Form = 'none' | 'reject' | 'request_changes' | 'schedule' | 'confirm';

/** The moves the caller may make with the post now, as the API lists them in `actions`. */
export function PostActions({ workspaceId, post }: { workspaceId: string; post: Post }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>('none');
  const [reason, setReason] = useState('');
  const { timezone } = useWorkspace(workspaceId);
  const [when, setWhen] = useState(isoToZonedInput(post.scheduledAt, timezone));
  const [url, setUrl] = useState('');
  const act = useMutation({
    mutationFn: (action: PostActionBody) => actOnPost(workspaceId, post.id, action),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['workspaces', workspaceId, 'posts', 'detail', post.id], updated);
      setForm('none');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) });
    },
  });
  const problems = problemsByPath(act.error);
  const s = post.state;
  // The server lists what this caller may do now (state machine, role, approval rights): one button per action.
  const can = (action: PostActionType) => post.actions.includes(action);
  const run = (action: PostActionBody) => act.mutate(action);

  function submitForm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form === 'reject' || form === 'request_changes') run({ type: form, reason });
    if (form === 'schedule') run({ type: 'schedule', scheduledAt: zonedInputToIso(when, timezone) ?? '' });
    if (form === 'confirm') run({ type: 'confirm', published: true, ...(url.trim() ? { url: url.trim() } : {}) });
  }

  const pending = act.isPending;
  return (
    <div className="space-y-3">
      {hasErrorCode(act.error, 'no_free_slot') ? (
        <FormAlert message="No free posting time: set posting times for this account first.">
          <p className="mt-1">
            <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={textLinkClasses}>
              Set posting times on the Accounts page
            </Link>
          </p>
        </FormAlert>
      ) : (
        <FormAlert error={act.error} />
      )}
      {s === 'published' || s === 'publishing' ? (
        <p className="text-sm text-muted">
          {s === 'published' ? 'Published: nothing left to do.' : 'Publishing now; this page follows along.'}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {can('submit') ? (
          <Button onClick={() => run({ type: 'submit' })} disabled={pending}>
            Submit
          </Button>
        ) : null}
        {can('approve') ? (
          <Button onClick={() => run({ type: 'approve' })} disabled={pending}>
            Approve
          </Button>
        ) : null}
        {can('request_changes') ? (
          <Button variant="secondary" onClick={() => setForm('request_changes')} disabled={pending}>
            Request changes
          </Button>
        ) : null}
        {can('reject') ? (
          <Button variant="secondary" onClick={() => setForm('reject')} disabled={pending}>
            Reject
          </Button>
        ) : null}
        {can('schedule') ? (
          <Button variant="secondary" onClick={() => setForm('schedule')} disabled={pending}>
            {s === 'scheduled' ? 'Reschedule' : 'Schedule'}
          </Button>
        ) : null}
        {can('schedule_next_slot') ? (
          <Button variant="secondary" onClick={() => run({ type: 'schedule_next_slot' })} disabled={pending}>
            Next free slot
          </Button>
        ) : null}
        {can('schedule') ? (
          <Button
            variant="secondary"
            onClick={() => run({ type: 'schedule', scheduledAt: new Date().toISOString() })}
            disabled={pending}
          >
            Publish now
          </Button>
        ) : null}
        {can('unschedule') ? (
          <Button variant="secondary" onClick={() => run({ type: 'unschedule' })} disabled={pending}>
            Unschedule
          </Button>
        ) : null}
        {can('retry') ? (
          <Button onClick={() => run({ type: 'retry' })} disabled={pending}>
            Retry failed
          </Button>
        ) : null}
        {can('confirm') ? (
          <Button onClick={() => setForm('confirm')} disabled={pending}>
            It was published
          </Button>
        ) : null}
        {can('republish') ? (
          <Button variant="secondary" onClick={() => run({ type: 'republish' })} disabled={pending}>
            Not published — publish now
          </Button>
        ) : null}
        {can('reopen') ? (
          <Button variant="secondary" onClick={() => run({ type: 'reopen' })} disabled={pending}>
            Reopen as draft
          </Button>
        ) : null}
        {can('cancel') ? (
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => {
              if (window.confirm('Cancel this post? It will not be published.')) run({ type: 'cancel' });
            }}
          >
            Cancel post
          </Button>
        ) : null}
      </div>
      {form !== 'none' ? (
        <form noValidate onSubmit={submitForm} className="space-y-3 rounded-md border border-line p-3">
          {form === 'reject' || form === 'request_changes' ? (
            <TextField
              label={form === 'reject' ? 'Reason for rejecting' : 'What should change?'}
              name="reason"
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={problems.reason}
            />
          ) : null}
          {form === 'schedule' ? (
            <TextField
              label="Publish at"
              name="scheduledAt"
              type="datetime-local"
              required
              value={when}
              hint={`Workspace time (${timezone}).`}
              onChange={(e) => setWhen(e.target.value)}
              error={problems.scheduledAt}
            />
          ) : null}
          {form === 'confirm' ? (
            <TextField
              label="Link to the published post"
              name="url"
              type="url"
              value={url}
              hint="Optional: its address on the network."
              onChange={(e) => setUrl(e.target.value)}
              error={problems.url}
            />
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" isPending={pending} pendingLabel="Saving…">
              {form === 'reject'
                ? 'Reject post'
                : form === 'request_changes'
                  ? 'Send back for changes'
                  : form === 'schedule'
                    ? 'Save schedule'
                    : 'Mark published'}
            </Button>
            <Button variant="secondary" onClick={() => setForm('none')}>
              Close
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
