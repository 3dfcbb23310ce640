import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorkspaceAs, type TestUser } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { pngOf, upload } from '../../test-support/vault-kit.ts';

let t: TestApp;
let owner: TestUser;
let base: string;
let mediaId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db);
  const workspaceId = (await createWorkspaceAs(t.app, owner)).id;
  base = `/api/v1/workspaces/${workspaceId}`;
  mediaId = (await upload(t.app, owner, workspaceId, { name: 'a.png', bytes: pngOf(1) })).body.id;
});
afterAll(async () => t?.close());

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url: `${base}${url}`, headers: owner.headers, ...(payload ? { payload } : {}) });
}

describe('collections', () => {
  it('are created once by name, filled, listed with counts, filter the vault, and deleted without their items', async () => {
    const created = await call('POST', '/media-collections', { name: ' Launch ' });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string; name: string }>().id;
    expect(created.json<{ name: string }>().name).toBe('Launch');
    const again = await call('POST', '/media-collections', { name: 'Launch' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toBe('There is already a collection named "Launch".');
    const added = await call('POST', `/media-collections/${id}/items`, { mediaIds: [mediaId, mediaId] });
    expect(added.json<{ count: number }>().count).toBe(1);
    const listed = await call('GET', `/media?collectionId=${id}`);
    expect(listed.json<{ items: { id: string; collections: { name: string }[] }[] }>().items).toMatchObject([
      { id: mediaId, collections: [{ name: 'Launch' }] },
    ]);
    const renamed = await call('PATCH', `/media-collections/${id}`, { name: 'Launch day' });
    expect(renamed.json<{ name: string }>().name).toBe('Launch day');
    const removed = await call('DELETE', `/media-collections/${id}/items/${mediaId}`);
    expect(removed.json<{ count: number }>().count).toBe(0);
    expect((await call('DELETE', `/media-collections/${id}/items/${mediaId}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/media-collections/${id}`)).statusCode).toBe(204);
    expect((await call('GET', '/media-collections')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await call('GET', `/media/${mediaId}`)).statusCode).toBe(200);
  });

  it("refuse another workspace's media", async () => {
    const other = await createUser(t.app, t.db);
    const theirs = (await createWorkspaceAs(t.app, other)).id;
    const foreign = (await upload(t.app, other, theirs, { name: 'b.png', bytes: pngOf(2) })).body.id;
    const id = (await call('POST', '/media-collections', { name: 'Mine' })).json<{ id: string }>().id;
    const response = await call('POST', `/media-collections/${id}/items`, { mediaIds: [foreign] });
    expect(response.statusCode).toBe(404);
  });
});
