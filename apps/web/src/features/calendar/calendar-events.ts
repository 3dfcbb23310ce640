import type { Post } from '@plume/contract/posts/post-schemas';
import { type PostState, stateLabel } from '@plume/contract/posts/post-states';
import type { EventInput } from '@fullcalendar/react';
import { postExcerpt } from '../posts/post-excerpt.ts';

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

/** A post as a calendar event: coloured by state, draggable when the caller may still edit it (the API's `actions`). */
export function postToEvent(post: Post): EventInput | null {
  if (!post.scheduledAt) return null;
  return {
    id: post.id,
    title: `${stateLabel(post.state)}: ${postExcerpt(post.content, 60)}`,
    start: post.scheduledAt,
    allDay: false,
    editable: post.actions.includes('edit'),
    color: stateColors[post.state],
    textColor: '#ffffff',
    extendedProps: { version: post.version, state: post.state },
  };
}
