/** Workspaces, their members and invitations. */
import { z } from 'zod';
import { localeSchema, timezoneSchema } from '../common-schemas.ts';
import { timestamp, type Wire } from '../wire.ts';
import { INVITATION_STATUSES, WORKSPACE_KINDS, WORKSPACE_ROLES } from './workspace-enums.ts';

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  kind: z.enum(WORKSPACE_KINDS),
  timezone: z.string(),
  locale: z.string(),
  role: z.enum(WORKSPACE_ROLES).describe("The caller's role in the workspace"),
  createdAt: timestamp,
});

const workspaceName = z.string().trim().min(1).max(80);

export const createWorkspaceBody = z
  .object({
    name: workspaceName,
    kind: z.enum(WORKSPACE_KINDS),
    timezone: timezoneSchema.default('UTC'),
    locale: localeSchema.default('en'),
  })
  .strict();

export const updateWorkspaceBody = z
  .object({ name: workspaceName.optional(), timezone: timezoneSchema.optional(), locale: localeSchema.optional() })
  .strict();

export const checklistSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), title: z.string(), description: z.string(), done: z.boolean(), href: z.string() }),
  ),
});

export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(WORKSPACE_ROLES),
  createdAt: timestamp,
});

export const changeRoleBody = z.object({ role: z.enum(WORKSPACE_ROLES) }).strict();

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(WORKSPACE_ROLES).nullable(),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: timestamp,
  inviterName: z.string().nullable(),
  workspaceId: z.string(),
  workspaceName: z.string(),
});

export const createInvitationBody = z.object({ email: z.email().max(320), role: z.enum(WORKSPACE_ROLES) }).strict();

export const invitationIdParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'Not an invitation id');

/** `POST /invitations/:id/accept`: the workspace joined. */
export const acceptedInvitationSchema = z.object({ workspaceId: z.string() });

export type Workspace = Wire<typeof workspaceSchema>;
export type CreateWorkspaceBody = Wire<typeof createWorkspaceBody>;
export type UpdateWorkspaceBody = Wire<typeof updateWorkspaceBody>;
export type ChecklistItem = Wire<typeof checklistSchema>['items'][number];
export type Member = Wire<typeof memberSchema>;
export type Invitation = Wire<typeof invitationSchema>;
export type CreateInvitationBody = Wire<typeof createInvitationBody>;
