import type { PostEvent } from '@plume/contract/posts/post-schemas';
import { stateLabel } from '@plume/contract/posts/post-states';
import { formatTime } from '../../lib/format-time.ts';

const eventLabels: Record<string, string> = {
  created: 'Created',
  edited: 'Edited',
  submit: 'Submitted for review',
  approve: 'Approved',
  reject: 'Rejected',
  request_changes: 'Changes requested',
  schedule: 'Scheduled',
  unschedule: 'Unscheduled',
  cancel: 'Cancelled',
  reopen: 'Reopened',
  retry: 'Retried',
  confirm: 'Confirmed by a person',
  state_changed: 'State changed',
  target_published: 'Published on an account',
  target_failed: 'Failed on an account',
  target_unconfirmed: 'Outcome unknown on an account',
  target_overdue: 'Overdue on an account',
  republish: 'Publishing again (not on the network)',
  target_requeued: 'Back in the queue on an account (nothing had been sent)',
  target_deleted: 'Deleted from the network',
  target_delete_failed: 'Deleting from the network did not work',
};

/** What a person did, named by where the post went: a submit that needed no review scheduled it. */
function whatHappened(event: PostEvent, timeZone: string): { what: string; saysMove: boolean } {
  const at = typeof event.detail.scheduledAt === 'string' ? event.detail.scheduledAt : undefined;
  const forTime = at === undefined ? '' : ` for ${formatTime(at, timeZone)}`;
  if (event.type === 'submit' && event.toState === 'scheduled')
    return { what: `Scheduled${forTime} (no review needed)`, saysMove: true };
  if (event.type === 'submit' && event.toState === 'approved')
    return { what: 'Ready to schedule (no review needed)', saysMove: true };
  if (event.type === 'approve' && event.toState === 'scheduled')
    return { what: `Approved and scheduled${forTime}`, saysMove: true };
  if ((event.type === 'schedule' || event.type === 'retry') && event.toState === 'scheduled' && at !== undefined) {
    return { what: `${event.type === 'retry' ? 'Retried: scheduled' : 'Scheduled'}${forTime}`, saysMove: true };
  }
  return { what: eventLabels[event.type] ?? event.type.replace(/_/g, ' '), saysMove: false };
}

/**
 * One line of a post's history in plain words, times on the workspace's clock.
 * @example describeEvent({ type: 'submit', fromState: 'draft', toState: 'in_review', … }, 'Europe/Paris') // 'Submitted for review'
 */
export function describeEvent(event: PostEvent, timeZone: string): string {
  const { what, saysMove } = whatHappened(event, timeZone);
  const move =
    !saysMove && event.fromState && event.toState && event.fromState !== event.toState
      ? ` (${stateLabel(event.fromState)} → ${stateLabel(event.toState)})`
      : '';
  const reason = typeof event.detail.reason === 'string' ? ` — ${event.detail.reason}` : '';
  const url = typeof event.detail.url === 'string' ? ` — ${event.detail.url}` : '';
  return `${what}${move}${reason}${url}`;
}
