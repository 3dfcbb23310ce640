import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

/**
 * Before an account is deleted, workspaces it alone owns go with it; workspaces with another owner
 * stay and simply lose this member.
 */
export async function deleteSoleOwnedWorkspaces(db: Database, userId: string): Promise<number> {
  const result = await db.execute(sql`
    DELETE FROM workspaces w
    WHERE EXISTS (SELECT 1 FROM members m WHERE m.workspace_id = w.id AND m.user_id = ${userId} AND m.role = 'owner')
      AND NOT EXISTS (SELECT 1 FROM members m WHERE m.workspace_id = w.id AND m.user_id <> ${userId} AND m.role = 'owner')`);
  return result.rowCount ?? 0;
}
