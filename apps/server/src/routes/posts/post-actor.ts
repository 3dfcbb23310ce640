import { callerContextOf, type PostActor } from '@plume/core/posts/approval-settings';
import type { CallerContext } from '@plume/contract/posts/post-actions';
import type { AppContext } from '../../app-context.ts';
import type { WorkspaceAccess } from '../../lib/workspace-access.ts';

/** Who acts on a post, with their role in the workspace (approval rules depend on it). */
export function actorFrom(access: WorkspaceAccess): PostActor & { kind: 'user' | 'api_key' } {
  const { principal } = access;
  return principal.kind === 'user'
    ? { kind: 'user', userId: principal.userId, name: principal.name, role: access.role }
    : { kind: 'api_key', userId: null, name: principal.name, role: access.role };
}

/** Who reads a post, for the `actions` every post in an answer carries. */
export function callerOf(context: AppContext, access: WorkspaceAccess): Promise<CallerContext> {
  return callerContextOf(context.db, access.workspace.id, actorFrom(access));
}
