import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { members, workspaces } from '@plume/db/schema/workspaces';

/** The workspace's name and the addresses of its owners and admins: who hears about accounts, budgets and failures. */
export async function workspaceManagers(
  db: Pick<Database, 'select'>,
  workspaceId: string,
): Promise<{ name: string; emails: string[] }> {
  const [workspace] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const recipients = await db
    .select({ email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organizationId, workspaceId), inArray(members.role, ['owner', 'admin'])));
  return { name: workspace?.name ?? '', emails: recipients.map((recipient) => recipient.email) };
}
