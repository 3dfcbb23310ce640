import type { FastifyRequest } from 'fastify';
import { findWorkspace, findWorkspaceForUser, type WorkspaceView } from '@plume/core/workspaces/list-workspaces';
import { hasRole } from '@plume/contract/workspaces/workspace-enums';
import type { WorkspaceRole } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { AppContext } from '../app-context.ts';
import { requirePrincipal } from '../plugins/authenticate.ts';
import type { Principal } from './principal.ts';

export type WorkspaceAccess = { principal: Principal; workspace: WorkspaceView; role: WorkspaceRole };

/**
 * Resolves the caller's role in a workspace. Not a member (or another workspace's API key) → 404,
 * so workspace ids cannot be probed; a member below `minimum` → 403.
 * API keys act as editors (`write` scope) or viewers (`read`); they never manage the workspace.
 */
export async function requireWorkspaceRole(
  context: AppContext,
  request: FastifyRequest,
  workspaceId: string,
  minimum: WorkspaceRole,
): Promise<WorkspaceAccess> {
  const principal = await requirePrincipal(context, request);
  const workspace = await findVisibleWorkspace(context, principal, workspaceId);
  if (!workspace) throw AppError.notFound('workspace');
  if (principal.kind === 'api_key' && !hasRole(workspace.role, minimum)) {
    throw new AppError('insufficient_scope', {
      detail: `This needs the ${minimum} role; API keys act as editor (write) or viewer (read).`,
    });
  }
  if (!hasRole(workspace.role, minimum))
    throw AppError.forbidden(`This needs the ${minimum} role in this workspace; you are ${workspace.role}.`);
  return { principal, workspace, role: workspace.role };
}

async function findVisibleWorkspace(
  context: AppContext,
  principal: Principal,
  workspaceId: string,
): Promise<WorkspaceView | null> {
  if (principal.kind === 'user') return findWorkspaceForUser(context.db, workspaceId, principal.userId);
  if (principal.workspaceId !== workspaceId) return null;
  const workspace = await findWorkspace(context.db, workspaceId);
  if (!workspace) return null;
  return { ...workspace, role: principal.scopes.includes('write') ? 'editor' : 'viewer' };
}
