import { z } from 'zod';
import { workspaceRoles } from '@plume/db/schema/workspaces';

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(workspaceRoles).nullable(),
  status: z.string(),
  expiresAt: z.date(),
  inviterName: z.string().nullable(),
  workspaceId: z.string(),
  workspaceName: z.string(),
});

export const createInvitationBody = z.object({ email: z.email().max(320), role: z.enum(workspaceRoles) }).strict();

export const invitationIdParam = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an invitation id');
