/** Workspace kinds and member roles, from least to most powerful. */
export const WORKSPACE_KINDS = ['brand', 'character'] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

export const WORKSPACE_ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

const rank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/**
 * viewer < editor < admin < owner: each role can do everything the roles below it can.
 * @example hasRole('admin', 'editor') // true
 */
export function hasRole(role: WorkspaceRole, atLeast: WorkspaceRole): boolean {
  return rank[role] >= rank[atLeast];
}

/** Invitation states as the API reports them (better-auth's `rejected` is reported as `declined`). */
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'canceled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
