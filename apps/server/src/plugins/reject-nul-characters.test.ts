import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { maxNestingDepth } from './reject-nul-characters.ts';

let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  user = await createUser(t.app, t.db);
});
afterAll(async () => t.close());

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const depthError = { path: 'body', message: `Lists and objects may be nested at most ${maxNestingDepth} levels deep` };

async function send(
  method: 'POST' | 'PATCH',
  url: string,
  payload: string,
  headers: Record<string, string> = user.headers,
) {
  return t.app.inject({ method, url, payload, headers: { ...headers, 'content-type': 'application/json' } });
}

describe('deeply nested JSON', () => {
  it.each([
    ['POST', '/api/v1/workspaces', 'arrays', nestedArrays(100_000)],
    ['POST', '/api/v1/workspaces', 'objects', nestedObjects(100_000)],
    ['PATCH', '/api/v1/me', 'arrays', nestedArrays(100_000)],
    ['POST', '/api/v1/auth/sign-in/email', 'objects', nestedObjects(100_000)],
  ] as const)('%s %s with 100,000 nested %s answers 400 problem+json', async (method, url, _kind, payload) => {
    const response = await send(method, url, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [depthError] });
  });

  it(`accepts ${maxNestingDepth} levels and refuses one more`, async () => {
    const atLimit = await send('POST', '/api/v1/workspaces', nestedObjects(maxNestingDepth));
    expect(atLimit.statusCode).toBe(400);
    expect(atLimit.json().errors).not.toContainEqual(depthError);
    const beyond = await send('POST', '/api/v1/workspaces', nestedObjects(maxNestingDepth + 1));
    expect(beyond.json().errors).toEqual([depthError]);
  });

  it('still names each field holding a NUL character', async () => {
    const response = await send(
      'POST',
      '/api/v1/workspaces',
      JSON.stringify({ name: 'a\u0000b', kind: 'brand', extra: [{ deep: 'x\u0000' }] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual([
      'body/name',
      'body/extra/0/deep',
    ]);
  });
});
