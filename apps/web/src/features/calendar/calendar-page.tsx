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
import { errorMessageOf } from '../../lib/field-errors.ts';
import { accountsQueryOptions } from '../accounts/accounts-query.ts';
import { patchPost, postsKey, postsQueryOptions } from '../posts/posts-query.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { postToEvent } from './calendar-events.ts';
import { CalendarFilters, type CalendarFilter } from './calendar-filters.tsx';

interface Move {
  postId: string;
  version: number;
  scheduledAt: string;
  revert: () => void;
}

/** /w/$workspaceId/calendar — posts by month, week or day in the workspace's time zone; drag to reschedule. */
export function CalendarPage({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const workspace = useWorkspace(workspaceId);
  const accounts = useQuery(accountsQueryOptions(workspaceId)).data ?? [];
  const [range, setRange] = useState<{ from: string; to: string }>();
  const [filter, setFilter] = useState<CalendarFilter>({});
  const posts = useQuery({ ...postsQueryOptions(workspaceId, { ...range, ...filter }), enabled: range !== undefined });
  const [notice, setNotice] = useState<string>();
  const reschedule = useMutation({
    mutationFn: (move: Move) =>
      patchPost(workspaceId, move.postId, { version: move.version, scheduledAt: move.scheduledAt }),
    onMutate: () => setNotice(undefined),
    onSuccess: (post) => {
      // A move of more than 30 minutes changes what was approved, so it goes back to review.
      if (post.state === 'in_review')
        setNotice('Moved. The new time is far from the approved one, so the post went back to review.');
    },
    onError: (_error, move) => move.revert(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) }),
  });
  const events = (posts.data?.items ?? []).map(postToEvent).filter((e): e is EventInput => e !== null);

  function handleDates(info: DatesSetInfo) {
    const next = { from: info.start.toISOString(), to: info.end.toISOString() };
    setRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
  }

  function handleDrop(info: EventDropInfo) {
    const start = info.event.start;
    const version = info.event.extendedProps.version as unknown;
    if (!start || typeof version !== 'number') {
      info.revert();
      return;
    }
    reschedule.mutate({ postId: info.event.id, version, scheduledAt: start.toISOString(), revert: info.revert });
  }

  return (
    <>
      <PageHeader
        title="Calendar"
        description={`Posts by their time in ${workspace.timezone}. Drag a post that is not yet published to move it.`}
        action={
          <Link to="/w/$workspaceId/posts/new" params={{ workspaceId }} className={buttonClasses('primary')}>
            New post
          </Link>
        }
      />
      <div className="space-y-4">
        <FormAlert
          error={reschedule.error}
          message={reschedule.error ? `Could not move the post: ${errorMessageOf(reschedule.error)}` : undefined}
        />
        {notice ? (
          <p
            role="status"
            className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning"
          >
            {notice}
          </p>
        ) : null}
        {posts.isError ? <ErrorState error={posts.error} onRetry={() => void posts.refetch()} /> : null}
        <CalendarFilters accounts={accounts} filter={filter} onChange={setFilter} />
        <Card>
          <div aria-busy={posts.isFetching || reschedule.isPending} data-testid="calendar">
            <FullCalendar
              plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, interactionPlugin]}
              initialView="dayGridMonth"
              timeZone={workspace.timezone}
              headerToolbar={{
                start: 'prev,next today',
                center: 'title',
                end: 'dayGridMonth,timeGridWeek,timeGridDay',
              }}
              events={events}
              editable
              eventDurationEditable={false}
              eventDisplay="block"
              eventClass="plume-post"
              datesSet={handleDates}
              eventDrop={handleDrop}
              eventClick={(info) => {
                info.jsEvent.preventDefault();
                void navigate({ to: '/w/$workspaceId/posts/$postId', params: { workspaceId, postId: info.event.id } });
              }}
              height="auto"
            />
          </div>
        </Card>
      </div>
    </>
  );
}
