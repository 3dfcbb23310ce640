import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { members, workspaces, type WorkspaceRole } from '@plume/db/schema/workspaces';
import { readableWorkspace } from './readable-workspace.ts';

export type WorkspaceView = Omit<typeof workspaces.$inferSelect, 'logo' | 'metadata'> & { role: WorkspaceRole };

const columns = {
  id: workspaces.id,
  name: workspaces.name,
  slug: workspaces.slug,
  kind: workspaces.kind,
  timezone: workspaces.timezone,
  locale: workspaces.locale,
  createdAt: workspaces.createdAt,
  role: members.role,
};

export async function listWorkspacesOfUser(db: Database, userId: string): Promise<WorkspaceView[]> {
  const rows = await db
    .select(columns)
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.organizationId))
    .where(eq(members.userId, userId))
    .orderBy(asc(workspaces.name));
  return rows.map(readableWorkspace);
}

function prepareFindWorkspaceForUser(db: Database) {
  return db
    .select(columns)
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.organizationId))
    .where(
      and(eq(members.organizationId, sql.placeholder('workspaceId')), eq(members.userId, sql.placeholder('userId'))),
    )
    .prepare('find_workspace_for_user');
}

// Every workspace-scoped request runs this first: a prepared statement skips query building here and
// planning in PostgreSQL. One per database handle.
const preparedFind = new WeakMap<Database, ReturnType<typeof prepareFindWorkspaceForUser>>();

/** The caller's view of one workspace, or null when it does not exist or they are not a member. */
export async function findWorkspaceForUser(
  db: Database,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceView | null> {
  let query = preparedFind.get(db);
  if (!query) {
    query = prepareFindWorkspaceForUser(db);
    preparedFind.set(db, query);
  }
  const [row] = await query.execute({ workspaceId, userId });
  return row ? readableWorkspace(row) : null;
}

export async function findWorkspace(db: Database, workspaceId: string): Promise<Omit<WorkspaceView, 'role'> | null> {
  const { role: _role, ...rest } = columns;
  const [row] = await db.select(rest).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row ? readableWorkspace(row) : null;
}
