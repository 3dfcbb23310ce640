import type { FastifyInstance } from 'fastify';
import type { Database } from '@plume/db/client';
import { addMember, createUser, createWorkspaceAs, uniqueEmail, type TestUser } from './factories.ts';
import type { SweepFixture } from './route-sweep.ts';

export type StandardSweepFixture = SweepFixture & { owner: TestUser; viewer: TestUser; outsider: TestUser; params: Record<string, string> };

async function post(app: FastifyInstance, user: TestUser, url: string, payload: object): Promise<string> {
  const response = await app.inject({ method: 'POST', url, headers: user.headers, payload });
  if (response.statusCode !== 201) throw new Error(`POST ${url} failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

/**
 * The usual cast for `registerRouteSweep`: an owner (created first, so also instance admin), a viewer
 * member, an outsider with a workspace of their own, and real ids of the workspace's sub-resources
 * (`memberId` = the viewer's membership, a pending `invitationId`, an `apiKeyId`). A later feature
 * adds its own ids: `{ ...fixture, params: { ...fixture.params, postId } }`.
 */
export async function createSweepFixture(app: FastifyInstance, db: Database): Promise<StandardSweepFixture> {
  const owner = await createUser(app, db, { name: 'Sweep Owner' });
  const viewer = await createUser(app, db, { name: 'Sweep Viewer' });
  const outsider = await createUser(app, db, { name: 'Sweep Outsider' });
  const workspace = await createWorkspaceAs(app, owner);
  await createWorkspaceAs(app, outsider);
  await addMember(app, workspace, owner, viewer, 'viewer');

  const members = await app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/members`, headers: owner.headers });
  const memberId = members.json<{ items: Array<{ id: string; userId: string }> }>().items.find((item) => item.userId === viewer.id)?.id;
  if (!memberId) throw new Error(`viewer membership missing: ${members.body}`);
  const base = `/api/v1/workspaces/${workspace.id}`;
  const invitationId = await post(app, owner, `${base}/invitations`, { email: uniqueEmail('sweep-invitee'), role: 'editor' });
  const apiKeyId = await post(app, owner, `${base}/api-keys`, { name: 'Sweep key', scopes: ['read'] });

  return { owner, viewer, outsider, workspaceId: workspace.id, params: { memberId, invitationId, apiKeyId } };
}
