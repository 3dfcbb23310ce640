/** The words of a post's life: its states, its targets' states, why a target failed, what its history records. */

/** Where a post is in its life (see post-machine.ts for the moves between them). */
export const POST_STATES = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
  'rejected',
  'cancelled',
] as const;
export type PostState = (typeof POST_STATES)[number];

/** Where one target (the post on one account) is. */
export const TARGET_STATES = [
  'pending',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
  'cancelled',
  'deleted',
] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** Why a target failed (or was left unconfirmed, or published with a warning). */
export const FAILURE_KINDS = [
  'rejected',
  'auth',
  'account_disconnected',
  'not_configured',
  'invalid_content',
  'network_unavailable',
  'rate_limited',
  'unknown_outcome',
  'partly_published',
  'not_published',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** What a post's history records: people's moves, edits, and what the publishing engine did. */
export const POST_EVENT_TYPES = [
  'created',
  'edited',
  'edit',
  'submit',
  'approve',
  'reject',
  'request_changes',
  'schedule',
  'unschedule',
  'cancel',
  'reopen',
  'retry',
  'confirm',
  'republish',
  'start_publishing',
  'finish_publishing',
  'state_changed',
  'target_published',
  'target_failed',
  'target_retry_scheduled',
  'target_rate_limited',
  'target_unconfirmed',
  'target_overdue',
  'target_requeued',
  'target_deleted',
  'target_delete_failed',
] as const;
export type PostEventType = (typeof POST_EVENT_TYPES)[number];

/** Who must approve posts: nobody (submitting approves), any admin or owner, or named members. */
export const APPROVAL_MODES = ['none', 'any_admin', 'specific'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

const stateLabels: Record<PostState | TargetState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  failed: 'Failed',
  unconfirmed: 'Unconfirmed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  pending: 'Pending',
  deleted: 'Deleted',
};

/**
 * The readable name of a post or target state.
 * @example stateLabel('in_review') // 'In review'
 */
export function stateLabel(state: PostState | TargetState): string {
  return stateLabels[state];
}

/** Narrows a string (a URL search parameter, say) to a PostState. */
export function isPostState(value: unknown): value is PostState {
  return typeof value === 'string' && (POST_STATES as readonly string[]).includes(value);
}
