import type { GenerateCommand, GenerateDeps } from '@plume/core/content/generate-variants';
import type { NetworkId } from '@plume/networks/contract';
import type { AppContext } from '../../app-context.ts';
import type { WorkspaceAccess } from '../../lib/workspace-access.ts';

/** What the content studio's core functions need, for the caller of one request. */
export function contentDeps(context: AppContext, access: WorkspaceAccess): GenerateDeps {
  const { principal } = access;
  return {
    db: context.db,
    caller: {
      gateway: context.llm.gateway,
      workspaceId: access.workspace.id,
      userId: principal.kind === 'user' ? principal.userId : null,
    },
    manifest: (id: NetworkId) =>
      context.publishing.runtime.providers.find((provider) => provider.manifest.id === id)?.manifest,
  };
}

export function workspaceOf(access: WorkspaceAccess): GenerateCommand['workspace'] {
  const { id, name, kind, locale } = access.workspace;
  return { id, name, kind, locale };
}

export function userIdOf(access: WorkspaceAccess): string | null {
  return access.principal.kind === 'user' ? access.principal.userId : null;
}
