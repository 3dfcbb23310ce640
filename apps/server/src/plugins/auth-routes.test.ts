import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authBasePath } from '@plume/core/accounts/create-auth';
import { createUser } from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { openAuthEndpoints } from './auth-routes.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Endpoint = { path?: string; options?: { method?: string | string[] } };

/** Every HTTP endpoint better-auth defines (with its plugins), read from the instance: new ones show up here. */
function betterAuthEndpoints(): Array<{ method: string; path: string }> {
  return Object.values(t.context.auth.api as unknown as Record<string, Endpoint>).flatMap((endpoint) => {
    if (!endpoint.path) return [];
    const given = endpoint.options?.method ?? 'GET';
    const methods = given === '*' ? ['GET', 'POST'] : Array.isArray(given) ? given : [given];
    return methods.map((method) => ({ method, path: endpoint.path as string }));
  });
}

let addresses = 0;
const nextAddress = () => `10.88.${(addresses >> 8) & 255}.${(addresses += 1) & 255}`;

describe('better-auth endpoints', () => {
  it('are closed (404 problem+json) except the ones Plume uses', async () => {
    const endpoints = betterAuthEndpoints();
    expect(endpoints.length).toBeGreaterThan(40);
    const reachable: string[] = [];
    for (const { method, path } of endpoints) {
      const url = `${authBasePath}${path.replace(/:\w+/g, 'some-id')}`;
      const response = await t.app.inject({
        method: method as 'GET' | 'POST',
        url,
        remoteAddress: nextAddress(),
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      const isClosed =
        response.statusCode === 404 &&
        response.headers['content-type']?.startsWith('application/problem+json') &&
        response.json().code === 'not_found';
      if (!isClosed) reachable.push(`${method} ${path}`);
    }
    expect(reachable.sort()).toEqual([...openAuthEndpoints].sort());
  });

  it('do not create workspaces past Plume validation, and the workspace list stays readable', async () => {
    const user = await createUser(t.app, t.db);
    const created = await t.app.inject({
      method: 'POST',
      url: `${authBasePath}/organization/create`,
      headers: user.headers,
      payload: { name: 'Mars', slug: 'mars-base', kind: 'zzz', timezone: 'Mars/Base', locale: 'en' },
    });
    expect(created.statusCode).toBe(404);
    expect(created.headers['content-type']).toContain('application/problem+json');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: user.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
  });

  it('are closed however the path is spelled', async () => {
    const user = await createUser(t.app, t.db);
    for (const url of [
      `${authBasePath}/organization/create/`,
      `${authBasePath}//organization/create`,
      `${authBasePath}/sign-in/../organization/create`,
      `${authBasePath}/sign-in/%2e%2e/organization/create`,
      `${authBasePath}/reset-password/..%2Forganization%2Fcreate`,
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: user.headers,
        remoteAddress: nextAddress(),
        payload: { name: 'X', slug: `x-${addresses}`, kind: 'brand', timezone: 'UTC', locale: 'en' },
      });
      expect(response.statusCode, url).toBe(404);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: user.headers });
    expect(list.json().items).toEqual([]);
  });
});
