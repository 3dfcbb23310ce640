import type { SelectOption } from '../../components/select-field.tsx';
import type { Role } from './workspace-types.ts';

const labels: Record<Role, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin', owner: 'Owner' };

/** The readable name of a role. */
export function roleLabel(role: Role): string {
  return labels[role];
}

/** True for roles that manage members, API keys and settings. */
export function canManage(role: Role | undefined): boolean {
  return role === 'admin' || role === 'owner';
}

/** Role choices a member with `myRole` may hand out; only owners grant `owner`. */
export function roleOptions(myRole: Role | undefined): SelectOption[] {
  const roles: Role[] = myRole === 'owner' ? ['viewer', 'editor', 'admin', 'owner'] : ['viewer', 'editor', 'admin'];
  return roles.map((role) => ({ value: role, label: labels[role] }));
}

/** Narrows a <select> value to a Role. */
export function isRole(value: string): value is Role {
  return value in labels;
}
