import type { PostEvent } from '@plume/contract/posts/post-schemas';
import { formatTime } from '../../lib/format-time.ts';
import { describeEvent } from './describe-event.ts';

/** The post's history, newest first: who did what, and what the engine did. */
export function PostHistory({ events, timeZone }: { events: PostEvent[]; timeZone: string }) {
  if (events.length === 0) return <p className="text-sm text-muted">Nothing yet.</p>;
  return (
    <ol aria-label="History" className="space-y-2 text-sm">
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap gap-x-3">
          <time dateTime={event.createdAt} className="whitespace-nowrap text-muted">
            {formatTime(event.createdAt, timeZone)}
          </time>
          <span className="text-ink">{describeEvent(event, timeZone)}</span>
          {event.actorName ? <span className="text-muted">by {event.actorName}</span> : null}
        </li>
      ))}
    </ol>
  );
}
