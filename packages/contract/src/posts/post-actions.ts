/**
 * What a caller may do with a post now, asked of the state machine itself: each action is tried with
 * the caller's context and kept when `nextState` accepts it. The API sends the list with every post
 * (`actions`), so the web app shows exactly the buttons that will work.
 */
import { hasRole, type WorkspaceRole } from '../workspaces/workspace-enums.ts';
import { nextState, type ActorContext, type PostAction } from './post-machine.ts';
import type { PostState } from './post-states.ts';

/** The moves a person (or an API key) can ask for: `edit` is a PATCH, the others `POST …/actions`. */
export const POST_ACTION_TYPES = [
  'edit',
  'submit',
  'approve',
  'reject',
  'request_changes',
  'schedule',
  'schedule_next_slot',
  'unschedule',
  'cancel',
  'reopen',
  'retry',
  'confirm',
  'republish',
] as const;
export type PostActionType = (typeof POST_ACTION_TYPES)[number];

export type CallerContext = {
  /** The caller's role in the workspace; API keys act as editor (`write`) or viewer (`read`). */
  role: WorkspaceRole;
  /** The workspace requires approval. */
  approvalRequired: boolean;
  /** The caller may approve (see approval settings); API keys never do. */
  canApprove: boolean;
};

/** The machine's action for an API action; scheduling supplies the time it needs. */
function asMachineAction(type: PostActionType): { action: PostAction; givesTime: boolean } {
  switch (type) {
    case 'edit':
      return { action: { type: 'edit', needsReview: false }, givesTime: false };
    case 'schedule':
    case 'schedule_next_slot':
      return { action: { type: 'schedule' }, givesTime: true };
    case 'confirm':
      return { action: { type: 'confirm', published: true }, givesTime: false };
    default:
      return { action: { type }, givesTime: false };
  }
}

/**
 * @example allowedActions({ state: 'in_review', hasTime: true }, { role: 'editor', approvalRequired: true, canApprove: false })
 *   // ['edit', 'cancel']
 */
export function allowedActions(post: { state: PostState; hasTime: boolean }, caller: CallerContext): PostActionType[] {
  if (!hasRole(caller.role, 'editor')) return [];
  return POST_ACTION_TYPES.filter((type) => {
    const { action, givesTime } = asMachineAction(type);
    const context: ActorContext = {
      approvalRequired: caller.approvalRequired,
      canApprove: caller.canApprove,
      hasTime: post.hasTime || givesTime,
    };
    return nextState(post.state, action, context).ok;
  });
}
