import type { EventInput } from '@fullcalendar/react';
import { postExcerpt } from '../posts/post-excerpt.ts';
import { stateLabel, type Post, type PostState } from '../posts/post-types.ts';

/** Colour of each post state on the calendar (background, with white text). */
export const stateColors: Record<PostState, string> = {
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

// Only posts that are still to be published can move; the rest show where they landed.
const MOVABLE: ReadonlySet<PostState> = new Set(['draft', 'in_review', 'approved', 'scheduled']);

/** A post as a calendar event: coloured by state, draggable while it is not yet published. */
export function postToEvent(post: Post): EventInput | null {
  if (!post.scheduledAt) return null;
  return {
    id: post.id,
    title: `${stateLabel(post.state)}: ${postExcerpt(post.content, 60)}`,
    start: post.scheduledAt,
    allDay: false,
    editable: MOVABLE.has(post.state),
    color: stateColors[post.state],
    textColor: '#ffffff',
    extendedProps: { version: post.version, state: post.state },
  };
}
