import { describe, expect, it } from 'vitest';
import { allowedActions, POST_ACTION_TYPES, type CallerContext, type PostActionType } from './post-actions.ts';
import { POST_STATES, type PostState } from './post-states.ts';

const editor: CallerContext = { role: 'editor', approvalRequired: true, canApprove: false };
const approver: CallerContext = { role: 'admin', approvalRequired: true, canApprove: true };
const viewer: CallerContext = { role: 'viewer', approvalRequired: true, canApprove: false };

const actionsOf = (state: PostState, caller: CallerContext, hasTime = true) =>
  allowedActions({ state, hasTime }, caller);

describe('allowedActions', () => {
  it('lists, per state, what an editor who cannot approve may do', () => {
    const expected: Record<PostState, PostActionType[]> = {
      draft: ['edit', 'submit', 'cancel'],
      in_review: ['edit', 'cancel'],
      approved: ['edit', 'schedule', 'schedule_next_slot', 'cancel'],
      scheduled: ['edit', 'schedule', 'schedule_next_slot', 'unschedule', 'cancel'],
      publishing: [],
      published: [],
      failed: ['cancel', 'retry'],
      unconfirmed: ['cancel', 'confirm', 'republish'],
      rejected: ['edit', 'reopen'],
      cancelled: ['reopen'],
    };
    for (const state of POST_STATES) expect(actionsOf(state, editor), state).toEqual(expected[state]);
  });

  it('offers approve, reject and request changes only to someone who may approve', () => {
    expect(actionsOf('in_review', approver)).toEqual(['edit', 'approve', 'reject', 'request_changes', 'cancel']);
    expect(actionsOf('in_review', editor)).not.toContain('approve');
  });

  it('gives a viewer nothing to do, whatever the state', () => {
    for (const state of POST_STATES) expect(actionsOf(state, viewer)).toEqual([]);
  });

  it('does not offer a retry for a failed post without a time (the machine needs one)', () => {
    expect(actionsOf('failed', editor, false)).toEqual(['cancel']);
  });

  it('offers scheduling to an approved post without a time: the action brings the time', () => {
    expect(actionsOf('approved', editor, false)).toContain('schedule');
  });

  it('only ever lists known actions, in their declared order', () => {
    for (const state of POST_STATES) {
      const listed = actionsOf(state, approver);
      expect(listed).toEqual(POST_ACTION_TYPES.filter((type) => listed.includes(type)));
    }
  });
});
