/** A member's role, from least to most powerful. */
export type Role = 'viewer' | 'editor' | 'admin' | 'owner';

/** A brand (a business) or a character (a persona). */
export type WorkspaceKind = 'brand' | 'character';

/** `Workspace` in the API contract; `role` is the caller's role in it. */
export interface Workspace {
  id: string;
  name: string;
  slug: string;
  kind: WorkspaceKind;
  timezone: string;
  locale: string;
  role: Role;
  createdAt: string;
}
