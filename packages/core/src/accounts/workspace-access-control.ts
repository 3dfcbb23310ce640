import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access';

// better-auth's organization permissions, with Plume's four roles. Editors and viewers differ in
// content permissions (checked by Plume's own role rank), not in workspace management.
export const workspaceAccessControl = createAccessControl(defaultStatements);

export const workspaceAuthRoles = {
  owner: workspaceAccessControl.newRole(ownerAc.statements),
  admin: workspaceAccessControl.newRole(adminAc.statements),
  editor: workspaceAccessControl.newRole(memberAc.statements),
  viewer: workspaceAccessControl.newRole(memberAc.statements),
};
