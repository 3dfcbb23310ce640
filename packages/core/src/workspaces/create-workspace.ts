import { randomBytes } from 'node:crypto';
import type { WorkspaceKind } from '@plume/db/schema/workspaces';
import type { Database } from '@plume/db/client';
import type { Auth } from '../accounts/create-auth.ts';
import { callAuth } from '../accounts/translate-auth-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { findWorkspaceForUser, type WorkspaceView } from './list-workspaces.ts';

export type CreateWorkspaceInput = { name: string; kind: WorkspaceKind; timezone: string; locale: string };

/** Slugs are for URLs and must be unique; a short random tail avoids collisions between same-named brands. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${randomBytes(3).toString('hex')}`;
}

/** Creates a workspace through better-auth's organizations; the creator becomes its owner. */
export async function createWorkspace(
  deps: { db: Database; auth: Auth },
  input: CreateWorkspaceInput & { headers: Headers; actor: AuditActor & { id: string } },
): Promise<WorkspaceView> {
  const created = await callAuth(() =>
    deps.auth.api.createOrganization({
      headers: input.headers,
      body: {
        name: input.name,
        slug: slugify(input.name),
        kind: input.kind,
        timezone: input.timezone,
        locale: input.locale,
      },
    }),
  );
  if (!created) throw new Error('better-auth returned no organization');
  await recordAudit(deps.db, created.id, input.actor, 'workspace.created', 'workspace', created.id, {
    name: input.name,
    kind: input.kind,
  });
  const view = await findWorkspaceForUser(deps.db, created.id, input.actor.id);
  if (!view) throw new Error('Created workspace is not visible to its creator');
  return view;
}
