import { stateLabel, type PostEvent } from './post-types.ts';
import { formatInZone } from './schedule-time.ts';

const eventLabels: Record<string, string> = {
  created: 'Created', edited: 'Edited', submit: 'Submitted for review', approve: 'Approved', reject: 'Rejected',
  request_changes: 'Changes requested', schedule: 'Scheduled', unschedule: 'Unscheduled', cancel: 'Cancelled',
  reopen: 'Reopened', retry: 'Retried', confirm: 'Confirmed by a person', state_changed: 'State changed',
  target_published: 'Published on an account', target_failed: 'Failed on an account', target_unconfirmed: 'Outcome unknown on an account',
  target_overdue: 'Overdue on an account', republish: 'Publishing again (not on the network)',
  target_requeued: 'Back in the queue on an account (nothing had been sent)',
};

function describeEvent(event: PostEvent): string {
  const what = eventLabels[event.type] ?? event.type.replace(/_/g, ' ');
  const move = event.fromState && event.toState && event.fromState !== event.toState
    ? ` (${stateLabel(event.fromState)} → ${stateLabel(event.toState)})` : '';
  const reason = typeof event.detail.reason === 'string' ? ` — ${event.detail.reason}` : '';
  const url = typeof event.detail.url === 'string' ? ` — ${event.detail.url}` : '';
  return `${what}${move}${reason}${url}`;
}

/** The post's history, newest first: who did what, and what the engine did. */
export function PostHistory({ events, timeZone }: { events: PostEvent[]; timeZone: string }) {
  if (events.length === 0) return <p className="text-sm text-muted">Nothing yet.</p>;
  return (
    <ol aria-label="History" className="space-y-2 text-sm">
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap gap-x-3">
          <time dateTime={event.createdAt} className="whitespace-nowrap text-muted">{formatInZone(event.createdAt, timeZone)}</time>
          <span className="text-ink">{describeEvent(event)}</span>
          {event.actorName ? <span className="text-muted">by {event.actorName}</span> : null}
        </li>
      ))}
    </ol>
  );
}
