import { describe, expect, it } from 'vitest';
import type { Post } from '@plume/contract/posts/post-schemas';
import { allowedActions } from '@plume/contract/posts/post-actions';
import type { PostState } from '@plume/contract/posts/post-states';
import { postToEvent, stateColors } from './calendar-events.ts';

const editor = { role: 'editor', approvalRequired: true, canApprove: false } as const;

/** A post as the API sends it to an editor: its actions come from the state machine. */
function post(overrides: Partial<Post> = {}): Post {
  const state = overrides.state ?? 'scheduled';
  return {
    actions: allowedActions({ state, hasTime: true }, editor),
    id: 'p1',
    state: 'scheduled',
    content: { text: 'Fresh beans today', mediaIds: [], thread: [], hashtags: [] },
    scheduledAt: '2030-07-01T07:00:00.000Z',
    version: 3,
    reviewNote: null,
    approvedAt: null,
    createdAt: '2030-06-01T00:00:00.000Z',
    updatedAt: '2030-06-01T00:00:00.000Z',
    targets: [],
    ...overrides,
  };
}

describe('postToEvent', () => {
  it('places a scheduled post at its time, titled with its state and first line', () => {
    const event = postToEvent(
      post({ content: { text: 'Line one\nline two', mediaIds: [], thread: [], hashtags: [] } }),
    );
    expect(event).toMatchObject({
      id: 'p1',
      title: 'Scheduled: Line one',
      start: '2030-07-01T07:00:00.000Z',
      allDay: false,
      editable: true,
      color: stateColors.scheduled,
      extendedProps: { version: 3, state: 'scheduled' },
    });
  });

  it('leaves out posts without a time', () => {
    expect(postToEvent(post({ scheduledAt: null }))).toBeNull();
  });

  it('lets a post move only while the caller may edit it', () => {
    const movable: PostState[] = ['draft', 'in_review', 'approved', 'scheduled', 'rejected'];
    const fixed: PostState[] = ['publishing', 'published', 'failed', 'unconfirmed', 'cancelled'];
    for (const state of movable) expect(postToEvent(post({ state }))?.editable).toBe(true);
    for (const state of fixed) expect(postToEvent(post({ state }))?.editable).toBe(false);
  });

  it('does not let a viewer move a post', () => {
    expect(postToEvent(post({ state: 'scheduled', actions: [] }))?.editable).toBe(false);
  });

  it('shortens a long first line and names an empty post', () => {
    const long = 'x'.repeat(100);
    expect(postToEvent(post({ content: { text: long, mediaIds: [], thread: [], hashtags: [] } }))?.title).toBe(
      `Scheduled: ${'x'.repeat(59)}…`,
    );
    expect(
      postToEvent(post({ state: 'draft', content: { text: '', mediaIds: [], thread: [], hashtags: [] } }))?.title,
    ).toBe('Draft: Untitled draft');
  });

  it('gives every state its own colour', () => {
    const colours = Object.values(stateColors);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
