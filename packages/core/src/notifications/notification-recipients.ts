/**
 * Who hears about what, as members of the workspace: its owners and admins (failures, disconnects,
 * budgets), the people who may approve its posts (approval requests), or everyone from a role up.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { members, type WorkspaceRole } from '@plume/db/schema/workspaces';
import { hasRole } from '@plume/contract/workspaces/workspace-enums';
import { getApprovalSettings } from '../posts/approval-settings.ts';

export type Audience =
  | { type: 'managers' }
  | { type: 'approvers' }
  | { type: 'members'; minimumRole: WorkspaceRole }
  | { type: 'users'; userIds: readonly string[] };

export async function recipientsOf(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  audience: Audience,
): Promise<string[]> {
  if (audience.type === 'users' && audience.userIds.length === 0) return [];
  const rows = await db
    .select({ userId: members.userId, role: members.role })
    .from(members)
    .where(
      audience.type === 'users'
        ? and(eq(members.organizationId, workspaceId), inArray(members.userId, [...audience.userIds]))
        : eq(members.organizationId, workspaceId),
    );
  switch (audience.type) {
    case 'users':
      return rows.map((row) => row.userId);
    case 'managers':
      return rows.filter((row) => hasRole(row.role, 'admin')).map((row) => row.userId);
    case 'members':
      return rows.filter((row) => hasRole(row.role, audience.minimumRole)).map((row) => row.userId);
    case 'approvers': {
      const settings = await getApprovalSettings(db, workspaceId);
      if (settings.approvalMode === 'specific')
        return rows.filter((row) => settings.approverIds.includes(row.userId)).map((row) => row.userId);
      // `none` never asks for approval; `any_admin` asks the owners and admins.
      return settings.approvalMode === 'any_admin'
        ? rows.filter((row) => hasRole(row.role, 'admin')).map((row) => row.userId)
        : [];
    }
  }
}
