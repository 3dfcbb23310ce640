import { count, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { brandProfiles } from '@plume/db/schema/content';
import { posts } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { members } from '@plume/db/schema/workspaces';

export type ChecklistItem = { id: string; title: string; description: string; done: boolean; href: string };

type Step = {
  id: string;
  title: string;
  description: string;
  href: (workspaceId: string) => string;
  isDone: (db: Database, workspaceId: string) => Promise<boolean>;
};

/**
 * The dashboard's getting-started list: each step with a real `isDone` query and a link to where it
 * is done.
 */
const steps: Step[] = [
  {
    id: 'connect-account',
    title: 'Connect a social account',
    description: 'Link the networks you publish to, so Plume can post for you.',
    href: (id) => `/w/${id}/accounts`,
    isDone: async (db, workspaceId) => {
      const [row] = await db
        .select({ total: count() })
        .from(socialAccounts)
        .where(eq(socialAccounts.workspaceId, workspaceId));
      return (row?.total ?? 0) > 0;
    },
  },
  {
    id: 'brand-profile',
    title: 'Describe your brand or character',
    description: 'Industry, audience, goals and voice: every post is written from it.',
    href: (id) => `/w/${id}/brand`,
    isDone: async (db, workspaceId) => {
      const [row] = await db
        .select({ total: count() })
        .from(brandProfiles)
        .where(eq(brandProfiles.workspaceId, workspaceId));
      return (row?.total ?? 0) > 0;
    },
  },
  {
    id: 'first-post',
    title: 'Create your first post',
    description: 'Write it yourself or let Plume draft it, then schedule it.',
    href: (id) => `/w/${id}/posts`,
    isDone: async (db, workspaceId) => {
      const [row] = await db.select({ total: count() }).from(posts).where(eq(posts.workspaceId, workspaceId));
      return (row?.total ?? 0) > 0;
    },
  },
  {
    id: 'invite-team',
    title: 'Invite a teammate (optional)',
    description: 'Editors write, admins approve and manage; viewers follow along.',
    href: (id) => `/w/${id}/members`,
    isDone: async (db, workspaceId) => {
      const [row] = await db.select({ total: count() }).from(members).where(eq(members.organizationId, workspaceId));
      return (row?.total ?? 0) > 1;
    },
  },
];

export async function buildChecklist(db: Database, workspaceId: string): Promise<ChecklistItem[]> {
  return Promise.all(
    steps.map(async (step) => ({
      id: step.id,
      title: step.title,
      description: step.description,
      href: step.href(workspaceId),
      done: await step.isDone(db, workspaceId),
    })),
  );
}
