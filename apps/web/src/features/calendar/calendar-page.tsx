import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import FullCalendar from '@fullcalendar/react';
import type { DatesSetInfo, EventDropInfo, EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { buttonClasses } from '../../components/button-classes.ts';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { stateLabel, type Post } from '../posts/post-types.ts';
import { actOnPost, postsKey, postsQueryOptions } from '../posts/posts-query.ts';
import { dateToIso } from '../posts/schedule-time.ts';

/** Colour of each post state on the calendar (background, with white text). */
const stateColors: Record<string, string> = {
  draft: '#6b7280',
  in_review: '#b45309',
  approved: '#2563eb',
  scheduled: '#4f46e5',
  publishing: '#0891b2',
  published: '#15803d',
  failed: '#b91c1c',
  unconfirmed: '#a16207',
  rejected: '#9f1239',
  cancelled: '#9ca3af',
};

const DRAGGABLE = new Set(['approved', 'scheduled']);

function toEvent(post: Post): EventInput | null {
  if (!post.scheduledAt) return null;
  const text = post.content.text.split('\n')[0] || '(no text)';
  return {
    id: post.id,
    title: `${stateLabel(post.state)}: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`,
    start: post.scheduledAt,
    allDay: false,
    editable: DRAGGABLE.has(post.state),
    color: stateColors[post.state],
    textColor: '#ffffff',
  };
}

/** /w/$workspaceId/calendar — scheduled posts by month, week or day; drag to reschedule. */
export function CalendarPage({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [range, setRange] = useState<{ from: string; to: string }>();
  const posts = useQuery({ ...postsQueryOptions(workspaceId, range ?? {}), enabled: range !== undefined });
  const reschedule = useMutation({
    mutationFn: ({ postId, scheduledAt }: { postId: string; scheduledAt: string; revert: () => void }) =>
      actOnPost(workspaceId, postId, { type: 'schedule', scheduledAt }),
    onError: (_error, variables) => variables.revert(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) }),
  });
  const events = (posts.data?.items ?? []).map(toEvent).filter((e): e is EventInput => e !== null);

  function handleDates(info: DatesSetInfo) {
    const next = { from: info.start.toISOString(), to: info.end.toISOString() };
    setRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
  }

  function handleDrop(info: EventDropInfo) {
    const start = info.event.start;
    if (!start) {
      info.revert();
      return;
    }
    reschedule.mutate({ postId: info.event.id, scheduledAt: dateToIso(start), revert: info.revert });
  }

  return (
    <>
      <PageHeader title="Calendar" description="Posts by their scheduled time. Drag an approved or scheduled post to move it."
        action={<Link to="/w/$workspaceId/posts/new" params={{ workspaceId }} className={buttonClasses('primary')}>New post</Link>} />
      <div className="space-y-4">
        <FormAlert error={reschedule.error} />
        {posts.isError ? <ErrorState error={posts.error} onRetry={() => void posts.refetch()} /> : null}
        <ul aria-label="Colours by state" className="flex flex-wrap gap-3 text-xs text-muted">
          {Object.entries(stateColors).map(([state, color]) => (
            <li key={state} className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundColor: color }} />
              {stateLabel(state)}
            </li>
          ))}
        </ul>
        <Card>
          <FullCalendar
            plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, interactionPlugin]}
            initialView="dayGridMonth"
            headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,timeGridDay' }}
            events={events}
            editable
            eventDurationEditable={false}
            eventDisplay="block"
            datesSet={handleDates}
            eventDrop={handleDrop}
            eventClick={(info) => {
              info.jsEvent.preventDefault();
              void navigate({ to: '/w/$workspaceId/posts/$postId', params: { workspaceId, postId: info.event.id } });
            }}
            height="auto"
          />
        </Card>
      </div>
    </>
  );
}
