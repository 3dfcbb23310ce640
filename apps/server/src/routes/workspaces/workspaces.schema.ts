import { z } from 'zod';
import { workspaceKinds, workspaceRoles } from '@plume/db/schema/workspaces';
import { localeSchema, timezoneSchema } from '../../lib/common-schemas.ts';

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  kind: z.enum(workspaceKinds),
  timezone: z.string(),
  locale: z.string(),
  role: z.enum(workspaceRoles),
  createdAt: z.date(),
});

const workspaceName = z.string().trim().min(1).max(80);

export const createWorkspaceBody = z
  .object({ name: workspaceName, kind: z.enum(workspaceKinds), timezone: timezoneSchema.default('UTC'), locale: localeSchema.default('en') })
  .strict();

export const updateWorkspaceBody = z
  .object({ name: workspaceName.optional(), timezone: timezoneSchema.optional(), locale: localeSchema.optional() })
  .strict();

export const checklistSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), done: z.boolean(), href: z.string() })),
});
