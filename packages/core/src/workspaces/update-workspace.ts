import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { workspaces } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';

export type WorkspaceChanges = {
  name?: string | undefined;
  timezone?: string | undefined;
  locale?: string | undefined;
};

export async function updateWorkspace(
  db: Database,
  workspaceId: string,
  changes: WorkspaceChanges,
  actor: AuditActor,
): Promise<void> {
  const values = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(values).length === 0) return;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(workspaces)
      .set(values)
      .where(eq(workspaces.id, workspaceId))
      .returning({ id: workspaces.id });
    if (updated.length === 0) throw AppError.notFound('workspace');
    await recordAudit(tx, workspaceId, actor, 'workspace.updated', 'workspace', workspaceId, values);
  });
}

/** Deletes the workspace and, by cascade, everything that belongs to it. */
export async function deleteWorkspace(db: Database, workspaceId: string): Promise<void> {
  const deleted = await db.delete(workspaces).where(eq(workspaces.id, workspaceId)).returning({ id: workspaces.id });
  if (deleted.length === 0) throw AppError.notFound('workspace');
}
