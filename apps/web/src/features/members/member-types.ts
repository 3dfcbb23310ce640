import type { Role } from '../workspaces/workspace-types.ts';

/** `Member` in the API contract. */
export interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}
