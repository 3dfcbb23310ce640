/**
 * The post lifecycle as a pure function: given a state, an action and who acts, the next state and
 * the side effects the caller must carry out. Everything that changes a post's state goes through
 * `nextState`, so the rules live in one place and are property-tested.
 *
 *   draft → in_review → approved → scheduled → publishing → published
 *                ↘ rejected        ↘ (edit that needs review) → in_review
 *   publishing → failed (retry → scheduled) | unconfirmed (confirm → published | failed; republish → scheduled)
 *   draft, in_review, approved, scheduled, failed, unconfirmed → cancelled
 */
import type { PostState } from './post-states.ts';

export type PostAction =
  | { type: 'submit' }
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'request_changes' }
  /** `needsReview`: the content hash differs from the approved one, or the time moved more than 30 minutes. */
  | { type: 'edit'; needsReview: boolean; timeOnly?: boolean }
  | { type: 'schedule' }
  | { type: 'unschedule' }
  | { type: 'cancel' }
  | { type: 'reopen' }
  | { type: 'retry' }
  | { type: 'confirm'; published: boolean }
  /** Unconfirmed, and the person found it is not on the network: publish those targets again now. */
  | { type: 'republish' }
  /** System actions, taken by the publishing engine only. */
  | { type: 'start_publishing' }
  | { type: 'finish_publishing'; outcome: 'published' | 'failed' | 'unconfirmed' };

export type MachineActionType = PostAction['type'];

export const SYSTEM_ACTIONS: ReadonlySet<MachineActionType> = new Set(['start_publishing', 'finish_publishing']);

/**
 * - `lock`: store the content hash and time as approved.
 * - `unlock`: forget the approval (content must be reviewed again).
 * - `enqueue`: (re)create the publishing jobs of pending targets at the post's time.
 * - `dequeue`: remove the publishing jobs.
 * - `requeue_failed`: put failed targets back to pending, then enqueue.
 * - `requeue_unconfirmed`: put unconfirmed targets back to pending, then enqueue them to run now.
 */
export type PostEffect = 'lock' | 'unlock' | 'enqueue' | 'dequeue' | 'requeue_failed' | 'requeue_unconfirmed';

export interface ActorContext {
  /** The workspace requires approval; otherwise submitting approves at once. */
  approvalRequired: boolean;
  /** This actor may approve (an admin, or a named approver, per the workspace setting). */
  canApprove: boolean;
  /** The post has a publishing time. */
  hasTime: boolean;
  /** The engine itself acts (system actions). */
  system?: boolean;
}

export type Transition =
  | { ok: true; state: PostState; effects: readonly PostEffect[] }
  | { ok: false; code: 'illegal_transition' | 'not_allowed' | 'time_required'; message: string };

const EDITABLE: ReadonlySet<PostState> = new Set(['draft', 'in_review', 'approved', 'scheduled', 'rejected']);
const CANCELLABLE: ReadonlySet<PostState> = new Set([
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'failed',
  'unconfirmed',
]);

function to(state: PostState, ...effects: PostEffect[]): Transition {
  return { ok: true, state, effects };
}

function illegal(state: PostState, action: PostAction): Transition {
  return {
    ok: false,
    code: 'illegal_transition',
    message: `A post that is ${describeState(state)} cannot be ${describeAction(action.type)}.`,
  };
}

/** Once approved, the post goes to `scheduled` if it has a time, else waits as `approved`. */
function approvedOrScheduled(context: ActorContext, ...effects: PostEffect[]): Transition {
  return context.hasTime ? to('scheduled', ...effects, 'lock', 'enqueue') : to('approved', ...effects, 'lock');
}

/**
 * Decides the next state. Pure: no I/O, no clock.
 * @example nextState('draft', { type: 'submit' }, { approvalRequired: true, canApprove: false, hasTime: true })
 *   // { ok: true, state: 'in_review', effects: [] }
 */
export function nextState(state: PostState, action: PostAction, context: ActorContext): Transition {
  if (SYSTEM_ACTIONS.has(action.type) !== (context.system === true)) {
    return { ok: false, code: 'not_allowed', message: 'Only the publishing engine takes this action.' };
  }
  switch (action.type) {
    case 'submit':
      if (state !== 'draft') return illegal(state, action);
      return context.approvalRequired ? to('in_review') : approvedOrScheduled(context);
    case 'approve':
    case 'reject':
    case 'request_changes':
      if (state !== 'in_review') return illegal(state, action);
      if (!context.canApprove)
        return { ok: false, code: 'not_allowed', message: 'You are not an approver in this workspace.' };
      if (action.type === 'approve') return approvedOrScheduled(context);
      return action.type === 'reject' ? to('rejected') : to('draft');
    case 'edit':
      return edit(state, action, context);
    case 'schedule':
      if (!context.hasTime) return { ok: false, code: 'time_required', message: 'Pick a time to schedule the post.' };
      if (state === 'approved' || state === 'scheduled') return to('scheduled', 'enqueue');
      return illegal(state, action);
    case 'unschedule':
      return state === 'scheduled' ? to('approved', 'dequeue') : illegal(state, action);
    case 'cancel':
      return CANCELLABLE.has(state) ? to('cancelled', 'dequeue') : illegal(state, action);
    case 'reopen':
      return state === 'rejected' || state === 'cancelled' ? to('draft', 'unlock') : illegal(state, action);
    case 'retry':
      if (state !== 'failed') return illegal(state, action);
      // A retried post is scheduled again, so like every scheduled post it needs a time (a past one publishes at once).
      if (!context.hasTime)
        return { ok: false, code: 'time_required', message: 'Pick a time to publish the post again.' };
      return to('scheduled', 'requeue_failed');
    case 'confirm':
      if (state !== 'unconfirmed') return illegal(state, action);
      return to(action.published ? 'published' : 'failed');
    case 'republish':
      if (state !== 'unconfirmed') return illegal(state, action);
      // Scheduled again, so like every scheduled post it needs a time (its past one publishes at once).
      if (!context.hasTime)
        return { ok: false, code: 'time_required', message: 'Pick a time to publish the post again.' };
      return to('scheduled', 'requeue_unconfirmed');
    case 'start_publishing':
      return state === 'scheduled' ? to('publishing') : illegal(state, action);
    case 'finish_publishing':
      return state === 'publishing' || state === 'scheduled' ? to(action.outcome) : illegal(state, action);
  }
}

function edit(
  state: PostState,
  action: { type: 'edit'; needsReview: boolean; timeOnly?: boolean },
  context: ActorContext,
): Transition {
  if (!EDITABLE.has(state)) return illegal(state, action);
  if (state === 'rejected') return to('draft', 'unlock');
  if (state !== 'approved' && state !== 'scheduled') return to(state);
  // Someone who may approve and moves only the time approves the new time (re-lock below).
  const approvesNewTime = action.timeOnly === true && context.canApprove;
  if (action.needsReview && context.approvalRequired && !approvesNewTime) return to('in_review', 'unlock', 'dequeue');
  // Without required approval an edit is approved at once by whoever makes it.
  const relock: PostEffect[] = action.needsReview ? ['lock'] : [];
  if (state === 'approved') return to('approved', ...relock);
  return context.hasTime ? to('scheduled', ...relock, 'enqueue') : to('approved', ...relock, 'dequeue');
}

/** The post state that sums up its targets once publishing has started. */
export function summarizeTargets(states: readonly string[]): 'publishing' | 'published' | 'failed' | 'unconfirmed' {
  const live = states.filter((state) => state !== 'cancelled');
  if (live.some((state) => state === 'pending' || state === 'publishing')) return 'publishing';
  if (live.some((state) => state === 'unconfirmed')) return 'unconfirmed';
  if (live.some((state) => state === 'failed')) return 'failed';
  return 'published';
}

export function describeState(state: PostState): string {
  const words: Record<PostState, string> = {
    draft: 'a draft',
    in_review: 'in review',
    approved: 'approved',
    scheduled: 'scheduled',
    publishing: 'publishing',
    published: 'published',
    failed: 'failed',
    unconfirmed: 'unconfirmed',
    rejected: 'rejected',
    cancelled: 'cancelled',
  };
  return words[state];
}

function describeAction(type: MachineActionType): string {
  const words: Record<MachineActionType, string> = {
    submit: 'submitted',
    approve: 'approved',
    reject: 'rejected',
    request_changes: 'sent back for changes',
    edit: 'edited',
    schedule: 'scheduled',
    unschedule: 'unscheduled',
    cancel: 'cancelled',
    reopen: 'reopened',
    retry: 'retried',
    confirm: 'confirmed',
    republish: 'published again',
    start_publishing: 'published now',
    finish_publishing: 'finished',
  };
  return words[type];
}
