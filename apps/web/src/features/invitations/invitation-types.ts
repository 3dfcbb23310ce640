import type { Role } from '../workspaces/workspace-types.ts';

/** `Invitation` in the API contract. */
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: 'pending' | 'accepted' | 'declined' | 'canceled';
  expiresAt: string;
  inviterName: string;
  workspaceId: string;
  workspaceName: string;
}
