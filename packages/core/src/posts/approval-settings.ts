/**
 * Who must approve posts in a workspace: nobody (submitting approves), any admin or owner, or named
 * members. API keys never approve.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { publishingSettings, type ApprovalMode } from '@plume/db/schema/publishing';
import type { WorkspaceRole } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { CallerContext } from '@plume/contract/posts/post-actions';
import { hasRole } from '@plume/contract/workspaces/workspace-enums';
import { listMembers } from '../workspaces/manage-members.ts';

export type ApprovalSettings = { approvalMode: ApprovalMode; approverIds: string[] };

export type PostActor = {
  userId: string | null;
  name: string | null;
  role: WorkspaceRole;
  /** `system`: Plume's autopilot, approving only drafts its guardrails allow, at a level an admin set. */
  kind: 'user' | 'api_key' | 'system';
};

export async function getApprovalSettings(
  db: Pick<Database, 'select'>,
  workspaceId: string,
): Promise<ApprovalSettings> {
  const [row] = await db.select().from(publishingSettings).where(eq(publishingSettings.workspaceId, workspaceId));
  return row === undefined
    ? { approvalMode: 'none', approverIds: [] }
    : { approvalMode: row.approvalMode, approverIds: row.approverIds };
}

export async function putApprovalSettings(
  db: Pick<Database, 'insert'>,
  workspaceId: string,
  settings: ApprovalSettings,
): Promise<void> {
  await db
    .insert(publishingSettings)
    .values({ workspaceId, ...settings })
    .onConflictDoUpdate({ target: publishingSettings.workspaceId, set: { ...settings, updatedAt: new Date() } });
}

/**
 * Saves who must approve posts. Named approvers must be members of the workspace, and naming them
 * needs at least one; any other mode stores no names.
 */
export async function saveApprovalSettings(
  db: Database,
  workspaceId: string,
  input: ApprovalSettings,
): Promise<ApprovalSettings> {
  if (input.approvalMode === 'specific') {
    if (input.approverIds.length === 0) throw AppError.validation('body/approverIds', 'Name at least one approver.');
    const members = await listMembers(db, workspaceId);
    const unknown = input.approverIds.filter((id) => !members.some((member) => member.userId === id));
    if (unknown.length > 0)
      throw AppError.validation('body/approverIds', `Not members of this workspace: ${unknown.join(', ')}.`);
  }
  const settings = {
    approvalMode: input.approvalMode,
    approverIds: input.approvalMode === 'specific' ? input.approverIds : [],
  };
  await putApprovalSettings(db, workspaceId, settings);
  return settings;
}

export function canApprove(settings: ApprovalSettings, actor: PostActor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' || actor.userId === null) return false;
  switch (settings.approvalMode) {
    case 'none':
      return hasRole(actor.role, 'editor');
    case 'any_admin':
      return hasRole(actor.role, 'admin');
    case 'specific':
      return settings.approverIds.includes(actor.userId);
  }
}

/** What the state machine needs to know about who reads a post, to list the actions they may take. */
export async function callerContextOf(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  actor: PostActor,
): Promise<CallerContext> {
  const settings = await getApprovalSettings(db, workspaceId);
  return {
    role: actor.role,
    approvalRequired: settings.approvalMode !== 'none',
    canApprove: canApprove(settings, actor),
  };
}
