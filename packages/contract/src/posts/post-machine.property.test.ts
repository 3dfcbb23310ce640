import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextState, summarizeTargets } from './post-machine.ts';
import { POST_STATES, type PostState } from './post-states.ts';
import type { ActorContext, PostAction } from './post-machine.ts';

/** Every edge a post may take; anything else is a bug. */
const LEGAL_EDGES = new Set([
  'draft>in_review',
  'draft>approved',
  'draft>scheduled',
  'draft>draft',
  'draft>cancelled',
  'in_review>approved',
  'in_review>scheduled',
  'in_review>rejected',
  'in_review>draft',
  'in_review>in_review',
  'in_review>cancelled',
  'approved>approved',
  'approved>scheduled',
  'approved>in_review',
  'approved>cancelled',
  'scheduled>scheduled',
  'scheduled>approved',
  'scheduled>in_review',
  'scheduled>publishing',
  'scheduled>cancelled',
  'scheduled>published',
  'scheduled>failed',
  'scheduled>unconfirmed',
  'publishing>published',
  'publishing>failed',
  'publishing>unconfirmed',
  'failed>scheduled',
  'failed>cancelled',
  'unconfirmed>published',
  'unconfirmed>failed',
  'unconfirmed>scheduled',
  'unconfirmed>cancelled',
  'rejected>draft',
  'cancelled>draft',
]);

const action: fc.Arbitrary<PostAction> = fc.oneof(
  fc.constantFrom<PostAction>(
    { type: 'submit' },
    { type: 'approve' },
    { type: 'reject' },
    { type: 'request_changes' },
    { type: 'schedule' },
    { type: 'unschedule' },
    { type: 'cancel' },
    { type: 'reopen' },
    { type: 'retry' },
    { type: 'republish' },
    { type: 'start_publishing' },
  ),
  fc.boolean().map((published): PostAction => ({ type: 'confirm', published })),
  fc
    .record({ needsReview: fc.boolean(), timeOnly: fc.boolean() })
    .map(({ needsReview, timeOnly }): PostAction => ({ type: 'edit', needsReview, timeOnly })),
  fc
    .constantFrom('published', 'failed', 'unconfirmed')
    .map((outcome): PostAction => ({ type: 'finish_publishing', outcome })),
);

const step = fc.record({
  action,
  canApprove: fc.boolean(),
  hasTime: fc.boolean(),
  system: fc.boolean(),
});

describe('post state machine (property)', () => {
  it('never takes an illegal edge, and only approved content is scheduled or published', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 60 }), (approvalRequired, steps) => {
        let state: PostState = 'draft';
        // A model of the content: its version, and the version that was approved (the lock).
        let contentVersion = 0;
        let approvedVersion: number | null = null;
        for (const { action: act, canApprove, hasTime, system } of steps) {
          const context: ActorContext = { approvalRequired, canApprove, hasTime, system };
          const result = nextState(state, act, context);
          if (!result.ok) continue;
          expect(LEGAL_EDGES.has(`${state}>${result.state}`), `${state} -${act.type}-> ${result.state}`).toBe(true);
          if (act.type === 'approve') expect(canApprove).toBe(true);
          const before: PostState = state;
          if (result.state === 'publishing' || before === 'publishing') expect(system).toBe(true);
          if (act.type === 'edit' && act.needsReview) contentVersion += 1;
          if (result.effects.includes('unlock')) approvedVersion = null;
          if (result.effects.includes('lock')) approvedVersion = contentVersion;
          if (result.state === 'scheduled') expect(hasTime).toBe(true);
          state = result.state;
          if (state === 'approved' || state === 'scheduled' || state === 'publishing') {
            expect(approvedVersion, `content approved in ${state}`).toBe(contentVersion);
          }
          // Changed content always goes back to review; a time moved far only stays approved when an approver moved it.
          if (approvalRequired && act.type === 'edit' && act.needsReview && !(act.timeOnly === true && canApprove)) {
            expect(['approved', 'scheduled']).not.toContain(state);
          }
        }
        expect(POST_STATES).toContain(state);
      }),
      { numRuns: 2000 },
    );
  });

  it('published is final for user actions', () => {
    fc.assert(
      fc.property(step, ({ action: act, canApprove, hasTime }) => {
        const result = nextState('published', act, { approvalRequired: true, canApprove, hasTime });
        expect(result.ok).toBe(false);
      }),
    );
  });
});

describe('post state machine (examples)', () => {
  const reviewer: ActorContext = { approvalRequired: true, canApprove: true, hasTime: true };
  const writer: ActorContext = { approvalRequired: true, canApprove: false, hasTime: true };

  it('goes to review, then scheduled on approval when it has a time', () => {
    expect(nextState('draft', { type: 'submit' }, writer)).toMatchObject({ ok: true, state: 'in_review' });
    expect(nextState('in_review', { type: 'approve' }, reviewer)).toEqual({
      ok: true,
      state: 'scheduled',
      effects: ['lock', 'enqueue'],
    });
  });

  it('approves at once when the workspace needs no approval', () => {
    expect(
      nextState('draft', { type: 'submit' }, { ...writer, approvalRequired: false, hasTime: false }),
    ).toMatchObject({ state: 'approved' });
  });

  it('retries a failed post only with a time, since it is scheduled again (found by the property above, seed 662213261)', () => {
    expect(nextState('failed', { type: 'retry' }, { ...writer, hasTime: false })).toMatchObject({
      ok: false,
      code: 'time_required',
    });
    expect(nextState('failed', { type: 'retry' }, writer)).toEqual({
      ok: true,
      state: 'scheduled',
      effects: ['requeue_failed'],
    });
  });

  it('publishes an unconfirmed post again in one move, when the person found it is not on the network', () => {
    expect(nextState('unconfirmed', { type: 'republish' }, writer)).toEqual({
      ok: true,
      state: 'scheduled',
      effects: ['requeue_unconfirmed'],
    });
    expect(nextState('failed', { type: 'republish' }, writer)).toMatchObject({ ok: false, code: 'illegal_transition' });
  });

  it('refuses approval by someone who is not an approver', () => {
    expect(nextState('in_review', { type: 'approve' }, writer)).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('sends an edited scheduled post back to review and drops its jobs', () => {
    expect(nextState('scheduled', { type: 'edit', needsReview: true }, writer)).toEqual({
      ok: true,
      state: 'in_review',
      effects: ['unlock', 'dequeue'],
    });
    expect(nextState('scheduled', { type: 'edit', needsReview: false }, writer)).toEqual({
      ok: true,
      state: 'scheduled',
      effects: ['enqueue'],
    });
  });

  it('does not let users take system actions, nor the engine user actions', () => {
    expect(nextState('scheduled', { type: 'start_publishing' }, reviewer)).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
    expect(nextState('draft', { type: 'submit' }, { ...reviewer, system: true })).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
  });

  it('explains an illegal move in words', () => {
    expect(nextState('published', { type: 'cancel' }, reviewer)).toMatchObject({
      ok: false,
      message: 'A post that is published cannot be cancelled.',
    });
  });

  it('sums up targets', () => {
    expect(summarizeTargets(['published', 'pending'])).toBe('publishing');
    expect(summarizeTargets(['published', 'failed'])).toBe('failed');
    expect(summarizeTargets(['failed', 'unconfirmed'])).toBe('unconfirmed');
    expect(summarizeTargets(['published', 'cancelled'])).toBe('published');
  });
});
