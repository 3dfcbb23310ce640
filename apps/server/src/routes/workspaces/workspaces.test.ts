import { brandProfiles } from '@plume/db/schema/content';
import { members, workspaces } from '@plume/db/schema/workspaces';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspaceAs, type TestUser } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let owner: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db);
});
afterAll(async () => t.close());

describe('workspaces', () => {
  it('creates a workspace whose creator is owner and lists it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: owner.headers,
      payload: { name: 'Acme Bakery', kind: 'brand', timezone: 'Europe/Paris', locale: 'fr-FR' },
    });
    expect(created.statusCode).toBe(201);
    const workspace = created.json();
    expect(workspace).toMatchObject({
      name: 'Acme Bakery',
      kind: 'brand',
      timezone: 'Europe/Paris',
      locale: 'fr-FR',
      role: 'owner',
    });
    expect(workspace.slug).toMatch(/^acme-bakery-[0-9a-f]{6}$/);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: owner.headers });
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(workspace.id);
  });

  it('lets an admin rename but not delete; the owner deletes', async () => {
    const workspace = await createWorkspaceAs(t.app, owner);
    const admin = await createUser(t.app, t.db);
    await addMember(t.app, workspace, owner, admin, 'admin');

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: admin.headers,
      payload: { name: 'Renamed' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Renamed');

    const adminDelete = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: admin.headers,
    });
    expect(adminDelete.statusCode).toBe(403);
    expect(adminDelete.json().code).toBe('forbidden');

    const ownerDelete = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: owner.headers,
    });
    expect(ownerDelete.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: owner.headers,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('reads a workspace row written past validation (bad kind, time zone, locale, role) without failing', async () => {
    const user = await createUser(t.app, t.db);
    const id = randomUUID();
    // What better-auth's organization endpoint once let anyone store (see plugins/auth-routes.test.ts).
    await t.db.insert(workspaces).values({
      id,
      name: 'Mars base',
      slug: `mars-${id}`,
      kind: 'zzz' as 'brand',
      timezone: 'Mars/Base',
      locale: '!!',
    });
    await t.db
      .insert(members)
      .values({ id: randomUUID(), organizationId: id, userId: user.id, role: 'emperor' as 'viewer' });

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: user.headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id, kind: 'brand', timezone: 'UTC', locale: 'en', role: 'viewer' }),
    ]);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${id}`, headers: user.headers });
    expect(one.statusCode, one.body).toBe(200);
    const checklist = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${id}/checklist`,
      headers: user.headers,
    });
    expect(checklist.statusCode, checklist.body).toBe(200);
  });

  it('rejects an unknown time zone with the field path', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: owner.headers,
      payload: { name: 'X', kind: 'brand', timezone: 'Mars/Olympus' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body/timezone' })]);
  });

  it('replays a create with the same Idempotency-Key and refuses a different body', async () => {
    const headers = { ...owner.headers, 'idempotency-key': 'create-once-1' };
    const payload = { name: 'Once', kind: 'character', timezone: 'UTC', locale: 'en' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers, payload });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.json().id).toBe(first.json().id);
    const different = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers,
      payload: { ...payload, name: 'Other' },
    });
    expect(different.statusCode).toBe(409);
    expect(different.json().code).toBe('idempotency_conflict');
  });

  it('shows a getting-started checklist', async () => {
    const workspace = await createWorkspaceAs(t.app, owner);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/checklist`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(['connect-account', 'brand-profile', 'first-post', 'invite-team']);
    const brandStep = () =>
      t.app
        .inject({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/checklist`, headers: owner.headers })
        .then((answer) => answer.json().items[1] as { done: boolean; href: string });
    expect(await brandStep()).toMatchObject({ done: false, href: `/w/${workspace.id}/brand` });
    await t.db.insert(brandProfiles).values({ workspaceId: workspace.id, kind: 'brand', profile: { name: 'Bakery' } });
    expect((await brandStep()).done).toBe(true);
  });
});
