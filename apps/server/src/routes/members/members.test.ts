import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '@plume/db/schema/platform';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

type Role = 'owner' | 'admin' | 'editor' | 'viewer';
type Member = { id: string; userId: string; role: Role };
type AuditEvent = { id: number; action: string; subjectType: string; subjectId: string | null; actorId: string | null };

let t: TestApp;
let owner: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db);
});
afterAll(async () => t.close());

function invite(workspace: TestWorkspace, by: TestUser, email: string, role: Role) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/invitations`,
    headers: by.headers,
    payload: { email, role },
  });
}

function answer(invitationId: string, as: TestUser, verb: 'accept' | 'decline') {
  return t.app.inject({ method: 'POST', url: `/api/v1/invitations/${invitationId}/${verb}`, headers: as.headers });
}

async function listMembers(workspace: TestWorkspace, as: TestUser): Promise<Member[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/workspaces/${workspace.id}/members`,
    headers: as.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Member[] }>().items;
}

async function memberOf(workspace: TestWorkspace, user: TestUser): Promise<Member> {
  const member = (await listMembers(workspace, owner)).find((item) => item.userId === user.id);
  if (!member) throw new Error(`${user.email} is not a member`);
  return member;
}

function setRole(workspace: TestWorkspace, by: TestUser, memberId: string, role: Role) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/v1/workspaces/${workspace.id}/members/${memberId}`,
    headers: by.headers,
    payload: { role },
  });
}

describe('invitations', () => {
  it.each(['editor', 'viewer', 'admin'] as const)(
    'invites by email as %s; the invitee sees and accepts it',
    async (role) => {
      const workspace = await createWorkspaceAs(t.app, owner);
      const invitee = await createUser(t.app, t.db);
      const created = await invite(workspace, owner, invitee.email, role);
      expect(created.statusCode).toBe(201);
      const invitation = created.json();
      expect(invitation).toMatchObject({
        email: invitee.email,
        role,
        status: 'pending',
        workspaceId: workspace.id,
        workspaceName: workspace.name,
        inviterName: owner.name,
      });

      const [mail] = await t.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.to, invitee.email))
        .orderBy(desc(mailOutbox.seq));
      expect(mail?.subject).toContain(workspace.name);
      expect(mail?.text).toContain(`/invitations/${invitation.id}`);

      const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/invitations', headers: invitee.headers });
      expect(mine.json().items).toEqual([
        expect.objectContaining({ id: invitation.id, role, workspaceId: workspace.id }),
      ]);

      const accepted = await answer(invitation.id, invitee, 'accept');
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toEqual({ workspaceId: workspace.id });
      expect((await memberOf(workspace, invitee)).role).toBe(role);
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/me/invitations', headers: invitee.headers });
      expect(after.json().items).toEqual([]);
      const again = await answer(invitation.id, invitee, 'accept');
      expect(again.statusCode).toBe(409);
    },
  );

  it('lets the invitee decline, leaving them outside the workspace', async () => {
    const workspace = await createWorkspaceAs(t.app, owner);
    const invitee = await createUser(t.app, t.db);
    const invitation = (await invite(workspace, owner, invitee.email, 'editor')).json();
    const declined = await answer(invitation.id, invitee, 'decline');
    expect(declined.statusCode).toBe(204);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      headers: owner.headers,
    });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: invitation.id, status: 'declined' })]);
    expect((await listMembers(workspace, owner)).map((member) => member.userId)).not.toContain(invitee.id);
    expect((await answer(invitation.id, invitee, 'accept')).statusCode).toBe(409);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: invitee.headers,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('hides an invitation from anyone it is not addressed to', async () => {
    const workspace = await createWorkspaceAs(t.app, owner);
    const invitee = await createUser(t.app, t.db);
    const stranger = await createUser(t.app, t.db);
    const invitation = (await invite(workspace, owner, invitee.email, 'viewer')).json();
    for (const verb of ['accept', 'decline'] as const) {
      const response = await answer(invitation.id, stranger, verb);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    const theirs = await t.app.inject({ method: 'GET', url: '/api/v1/me/invitations', headers: stranger.headers });
    expect(theirs.json().items).toEqual([]);
    expect((await answer(invitation.id, invitee, 'accept')).statusCode).toBe(200);
  });

  it('cancels a pending invitation, which then cannot be accepted', async () => {
    const workspace = await createWorkspaceAs(t.app, owner);
    const invitee = await createUser(t.app, t.db);
    const invitation = (await invite(workspace, owner, invitee.email, 'editor')).json();
    const url = `/api/v1/workspaces/${workspace.id}/invitations/${invitation.id}`;
    expect((await t.app.inject({ method: 'DELETE', url, headers: owner.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url, headers: owner.headers })).statusCode).toBe(404);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      headers: owner.headers,
    });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: invitation.id, status: 'canceled' })]);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/invitations', headers: invitee.headers });
    expect(mine.json().items).toEqual([]);
    expect((await answer(invitation.id, invitee, 'accept')).statusCode).toBe(409);
  });

  it('lets only an owner invite an owner', async () => {
    const workspace = await createWorkspaceAs(t.app, owner);
    const admin = await createUser(t.app, t.db);
    await addMember(t.app, workspace, owner, admin, 'admin');
    const future = await createUser(t.app, t.db);
    const byAdmin = await invite(workspace, admin, future.email, 'owner');
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().code).toBe('forbidden');
    const byOwner = await invite(workspace, owner, future.email, 'owner');
    expect(byOwner.statusCode).toBe(201);
    expect((await answer(byOwner.json().id, future, 'accept')).statusCode).toBe(200);
    expect((await memberOf(workspace, future)).role).toBe('owner');
  });
});

describe('roles', () => {
  let workspace: TestWorkspace;
  let admin: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    workspace = await createWorkspaceAs(t.app, owner);
    [admin, editor, viewer, outsider] = [
      await createUser(t.app, t.db),
      await createUser(t.app, t.db),
      await createUser(t.app, t.db),
      await createUser(t.app, t.db),
    ];
    await addMember(t.app, workspace, owner, admin, 'admin');
    await addMember(t.app, workspace, owner, editor, 'editor');
    await addMember(t.app, workspace, owner, viewer, 'viewer');
  });

  it('lets a viewer list members but not invitations; an outsider sees neither', async () => {
    expect(await listMembers(workspace, viewer)).toHaveLength(4);
    const invitationList = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      headers: viewer.headers,
    });
    expect(invitationList.statusCode).toBe(403);
    expect(invitationList.json().code).toBe('forbidden');
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/members`,
      headers: outsider.headers,
    });
    expect(outside.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/members` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses role changes by an editor and accepts them from an admin', async () => {
    const target = await memberOf(workspace, editor);
    const byEditor = await setRole(workspace, editor, target.id, 'viewer');
    expect(byEditor.statusCode).toBe(403);
    const byAdmin = await setRole(workspace, admin, target.id, 'viewer');
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json()).toMatchObject({ id: target.id, userId: editor.id, role: 'viewer' });
    expect((await setRole(workspace, admin, target.id, 'editor')).statusCode).toBe(200);
    const badRole = await setRole(workspace, admin, target.id, 'king' as Role);
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors).toEqual([expect.objectContaining({ path: 'body/role' })]);
  });

  it('keeps at least one owner', async () => {
    const ownerMember = await memberOf(workspace, owner);
    const demote = await setRole(workspace, owner, ownerMember.id, 'admin');
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('conflict');
    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/members/${ownerMember.id}`,
      headers: owner.headers,
    });
    expect(remove.statusCode).toBe(409);
    const byAdmin = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/members/${ownerMember.id}`,
      headers: admin.headers,
    });
    expect(byAdmin.statusCode).toBe(403);
    expect((await memberOf(workspace, owner)).role).toBe('owner');
  });

  it('lets an admin remove a member, who then loses access', async () => {
    const extra = await createUser(t.app, t.db);
    await addMember(t.app, workspace, owner, extra, 'editor');
    const member = await memberOf(workspace, extra);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/members/${member.id}`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: extra.headers,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('records changes in the audit log, paginated without duplicates', async () => {
    const forbidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers: editor.headers,
    });
    expect(forbidden.statusCode).toBe(403);
    const full = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log?limit=100`,
      headers: admin.headers,
    });
    expect(full.statusCode).toBe(200);
    const all = full.json<{ items: AuditEvent[]; nextCursor: string | null }>();
    expect(all.nextCursor).toBeNull();
    const actions = all.items.map((event) => event.action);
    for (const action of ['invitation.created', 'invitation.accepted', 'member.role_changed', 'member.removed'])
      expect(actions).toContain(action);
    const roleChange = all.items.find((event) => event.action === 'member.role_changed');
    expect(roleChange).toMatchObject({ subjectType: 'member', actorId: admin.id });

    const paged: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
      const page = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${workspace.id}/audit-log?${query}`,
        headers: admin.headers,
      });
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: AuditEvent[]; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(3);
      paged.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    const ids = paged.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all.items.map((event) => event.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const badCursor = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log?cursor=%%%`,
      headers: admin.headers,
    });
    expect(badCursor.statusCode).toBe(400);
  });
});
