import type { WorkspaceRole } from '@plume/db/schema/workspaces';

const rank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** viewer < editor < admin < owner: each role can do everything the roles below it can. */
export function hasRole(role: WorkspaceRole, atLeast: WorkspaceRole): boolean {
  return rank[role] >= rank[atLeast];
}
