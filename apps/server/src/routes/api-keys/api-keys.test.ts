import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys } from '@plume/db/schema/api-keys';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

type CreatedKey = { id: string; key: string; prefix: string; scopes: string[] };

let t: TestApp;
let owner: TestUser;
let workspace: TestWorkspace;
let otherWorkspace: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db);
  workspace = await createWorkspaceAs(t.app, owner);
  otherWorkspace = await createWorkspaceAs(t.app, owner);
});
afterAll(async () => t.close());

async function createKey(scopes: Array<'read' | 'write'>, headers: Record<string, string> = {}): Promise<CreatedKey> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/api-keys`,
    headers: { ...owner.headers, ...headers },
    payload: { name: `key ${scopes.join('+')}`, scopes },
  });
  expect(response.statusCode).toBe(201);
  return response.json<CreatedKey>();
}

function asKey(key: string) {
  return { authorization: `Bearer ${key}` };
}

/** Tables (schema public) with a row whose text form contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await t.db.execute<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const hits = await t.db.execute<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM ${sql.identifier(name)} AS row WHERE row::text LIKE ${`%${needle}%`}`,
    );
    if ((hits.rows[0]?.count ?? 0) > 0) found.push(name);
  }
  return found;
}

describe('API keys', () => {
  it('shows a new key once and never lists its secret or hash', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/api-keys`,
      headers: owner.headers,
      payload: { name: 'CI', scopes: ['read'], expiresInDays: 30 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json();
    expect(created.key).toMatch(/^plume_/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ name: 'CI', scopes: ['read'], createdBy: owner.name, lastUsedAt: null });
    expect(new Date(created.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/api-keys`,
      headers: owner.headers,
    });
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((item: { id: string }) => item.id === created.id);
    expect(listed).toMatchObject({ id: created.id, prefix: created.prefix });
    expect(listed).not.toHaveProperty('key');
    expect(listed).not.toHaveProperty('keyHash');
    const [row] = await t.db.select({ keyHash: apiKeys.keyHash }).from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toContain(String(row?.keyHash));
  });

  it('authenticates as its own workspace only', async () => {
    const { key } = await createKey(['read']);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, headers: asKey(key) });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: workspace.id, role: 'viewer' });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: asKey(key) });
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([workspace.id]);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${otherWorkspace.id}`,
      headers: asKey(key),
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    const [row] = await t.db
      .select({ lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, createHash('sha256').update(key).digest('hex')));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('acts as viewer (read) or editor (write) and never manages the workspace', async () => {
    const read = await createKey(['read']);
    const write = await createKey(['read', 'write']);
    const asWriter = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: asKey(write.key),
    });
    expect(asWriter.json().role).toBe('editor');
    for (const key of [read.key, write.key]) {
      const admin = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${workspace.id}/api-keys`,
        headers: asKey(key),
      });
      expect(admin.statusCode).toBe(403);
      expect(admin.json().code).toBe('insufficient_scope');
    }
    const auditLog = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers: asKey(read.key),
    });
    expect(auditLog.json().code).toBe('insufficient_scope');
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: asKey(write.key),
      payload: { name: 'By key', kind: 'brand', timezone: 'UTC', locale: 'en' },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('session_required');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: asKey(write.key) });
    expect(me.json().code).toBe('session_required');
  });

  it('stops working once revoked', async () => {
    const { id, key } = await createKey(['read']);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/api-keys/${id}`,
      headers: owner.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const used = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, headers: asKey(key) });
    expect(used.statusCode).toBe(401);
    expect(used.headers['content-type']).toContain('application/problem+json');
    expect(used.json().code).toBe('invalid_api_key');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/api-keys`,
      headers: owner.headers,
    });
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(id);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/api-keys/${id}`,
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(404);
  });

  it('stops working once expired', async () => {
    const { id, key } = await createKey(['read']);
    await t.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, id));
    const used = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, headers: asKey(key) });
    expect(used.statusCode).toBe(401);
    expect(used.json().code).toBe('invalid_api_key');
    const made = await t.app.inject({
      method: 'GET',
      url: '/api/v1/workspaces',
      headers: asKey('plume_madeup_notakey'),
    });
    expect(made.json().code).toBe('invalid_api_key');
  });

  it('stores only a SHA-256 hash: the key text is nowhere in the database, even after an idempotent create', async () => {
    const headers = { 'idempotency-key': 'api-key-once' };
    const created = await createKey(['write'], headers);
    const replay = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/api-keys`,
      headers: { ...owner.headers, ...headers },
      payload: { name: 'key write', scopes: ['write'] },
    });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(replay.json()).toMatchObject({ id: created.id, key: created.key });

    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.keyHash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(row?.keyHash).not.toBe(created.key);
    const secretPart = created.key.slice(created.prefix.length + 1);
    expect(secretPart.length).toBeGreaterThan(20);
    expect(await tablesContaining(secretPart)).toEqual([]);
  });

  it('is managed by admins only, with validated input', async () => {
    const editor = await createUser(t.app, t.db);
    const outsider = await createUser(t.app, t.db);
    await addMember(t.app, workspace, owner, editor, 'editor');
    const url = `/api/v1/workspaces/${workspace.id}/api-keys`;
    const byEditor = await t.app.inject({
      method: 'POST',
      url,
      headers: editor.headers,
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(byEditor.statusCode).toBe(403);
    expect(byEditor.json().code).toBe('forbidden');
    const byOutsider = await t.app.inject({ method: 'GET', url, headers: outsider.headers });
    expect(byOutsider.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers: owner.headers,
      payload: { name: 'x', scopes: ['admin'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^body\/scopes/) })]);
  });
});
