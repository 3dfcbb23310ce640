import { describe, expect, it } from 'vitest';
import type { Post, PostState } from '../posts/post-types.ts';
import { postToEvent, stateColors } from './calendar-events.ts';

function post(overrides: Partial<Post> = {}): Post {
  return {
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
    const event = postToEvent(post({ content: { text: 'Line one\nline two', mediaIds: [], thread: [], hashtags: [] } }));
    expect(event).toMatchObject({
      id: 'p1', title: 'Scheduled: Line one', start: '2030-07-01T07:00:00.000Z', allDay: false,
      editable: true, color: stateColors.scheduled, extendedProps: { version: 3, state: 'scheduled' },
    });
  });

  it('leaves out posts without a time', () => {
    expect(postToEvent(post({ scheduledAt: null }))).toBeNull();
  });

  it('lets only posts still to be published move', () => {
    const movable: PostState[] = ['draft', 'in_review', 'approved', 'scheduled'];
    const fixed: PostState[] = ['publishing', 'published', 'failed', 'unconfirmed', 'rejected', 'cancelled'];
    for (const state of movable) expect(postToEvent(post({ state }))?.editable).toBe(true);
    for (const state of fixed) expect(postToEvent(post({ state }))?.editable).toBe(false);
  });

  it('shortens a long first line and names an empty post', () => {
    const long = 'x'.repeat(100);
    expect(postToEvent(post({ content: { text: long, mediaIds: [], thread: [], hashtags: [] } }))?.title).toBe(`Scheduled: ${'x'.repeat(59)}…`);
    expect(postToEvent(post({ state: 'draft', content: { text: '', mediaIds: [], thread: [], hashtags: [] } }))?.title).toBe('Draft: Untitled draft');
  });

  it('gives every state its own colour', () => {
    const colours = Object.values(stateColors);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
