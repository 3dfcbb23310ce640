import type { WorkspaceRole } from '@plume/contract/workspaces/workspace-enums';
import type { SelectOption } from '../../components/select-field.tsx';

const labels: Record<WorkspaceRole, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin', owner: 'Owner' };

/** The readable name of a role. */
export function roleLabel(role: WorkspaceRole): string {
  return labels[role];
}

/** True for roles that manage members, API keys and settings. */
export function canManage(role: WorkspaceRole | undefined): boolean {
  return role === 'admin' || role === 'owner';
}

/** Role choices a member with `myRole` may hand out; only owners grant `owner`. */
export function roleOptions(myRole: WorkspaceRole | undefined): SelectOption[] {
  const roles: WorkspaceRole[] =
    myRole === 'owner' ? ['viewer', 'editor', 'admin', 'owner'] : ['viewer', 'editor', 'admin'];
  return roles.map((role) => ({ value: role, label: labels[role] }));
}

/** Narrows a <select> value to a role. */
export function isRole(value: string): value is WorkspaceRole {
  return value in labels;
}
