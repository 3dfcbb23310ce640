import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../test-support/factories.ts';
import { createTestApp } from '../../test-support/test-app.ts';
import { operationNotes } from './operation-notes.ts';

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: object[];
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
};
type Document = {
  servers?: Array<{ url: string }>;
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown> }>;
    responses: Record<string, { content?: Record<string, unknown> }>;
  };
};

const t = await createTestApp();
afterAll(() => t.close());
const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<Document>();
const operations = Object.entries(document.paths).flatMap(([route, byMethod]) =>
  Object.entries(byMethod).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${route}`, operation })),
);
const operation = (key: string): Operation => {
  const found = operations.find((entry) => entry.key === key)?.operation;
  if (found === undefined) throw new Error(`${key} is not in the document`);
  return found;
};
const statusesOf = (key: string) => Object.keys(operation(key).responses);

describe('the OpenAPI document', () => {
  it('names, tags and summarises every operation, with unique ids and defined tags', () => {
    const defined = new Set(document.tags?.map((tag) => tag.name));
    for (const { key, operation: op } of operations) {
      expect(op.operationId, key).toMatch(/^[a-z][a-zA-Z0-9]+$/);
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBeGreaterThan(0);
      for (const tag of op.tags ?? []) expect(defined.has(tag), `${key}: tag ${tag}`).toBe(true);
    }
    const ids = operations.map((entry) => entry.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('has no note for an operation that no longer exists', () => {
    const keys = new Set(operations.map((entry) => entry.key));
    expect(Object.keys(operationNotes).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('declares every error answer as application/problem+json with the Problem schema', () => {
    for (const { key, operation: op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || key === 'GET /api/v1/ready') continue;
        // Shared responses, or a route's own problem with more fields (the import's per-row report).
        if (response.$ref === undefined)
          expect(Object.keys(response.content ?? {}), `${key} ${status}`).toEqual(['application/problem+json']);
        else expect(response.$ref, `${key} ${status}`).toMatch(/^#\/components\/responses\//);
      }
    }
    for (const [name, response] of Object.entries(document.components.responses))
      expect(Object.keys(response.content ?? {}), name).toEqual(['application/problem+json']);
  });

  it('declares the statuses routes answer beyond their own schema', () => {
    expect(statusesOf('POST /api/v1/workspaces/{workspaceId}/posts/{postId}/actions')).toEqual(
      expect.arrayContaining(['409', '413', '415', '429', '500']),
    );
    expect(statusesOf('POST /api/v1/workspaces/{workspaceId}/accounts/oauth/start')).toEqual(
      expect.arrayContaining(['409', '422', '502']),
    );
    expect(statusesOf('POST /api/v1/workspaces/{workspaceId}/media')).toEqual(expect.arrayContaining(['413', '415']));
    expect(statusesOf('GET /api/v1/workspaces')).toEqual(expect.arrayContaining(['400', '401', '429']));
    // The liveness probe is exempt from the rate limit, and public: no 401, 429 or 413.
    expect(statusesOf('GET /api/v1/health').sort()).toEqual(['200', '400', '500']);
    // The import's 422 keeps its per-row report; the pull events are a stream, not JSON.
    expect(JSON.stringify(operation('POST /api/v1/workspaces/{workspaceId}/posts/import').responses['422'])).toContain(
      '"rows"',
    );
    expect(Object.keys(operation('GET /api/v1/ollama/pulls/{pullId}/events').responses['200']?.content ?? {})).toEqual([
      'text/event-stream',
    ]);
    expect(operation('POST /api/v1/workspaces/{workspaceId}/posts').parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'Idempotency-Key' }),
    );
  });

  it('documents the auth routes the web app and the mails use', () => {
    const auth = operations.filter((entry) => entry.key.includes('/api/v1/auth/')).map((entry) => entry.key);
    expect(auth.sort()).toEqual([
      'GET /api/v1/auth/get-session',
      'GET /api/v1/auth/reset-password/{token}',
      'GET /api/v1/auth/verify-email',
      'POST /api/v1/auth/change-password',
      'POST /api/v1/auth/request-password-reset',
      'POST /api/v1/auth/reset-password',
      'POST /api/v1/auth/send-verification-email',
      'POST /api/v1/auth/sign-in/email',
      'POST /api/v1/auth/sign-out',
      'POST /api/v1/auth/sign-up/email',
    ]);
  });

  it('describes every field a problem carries', async () => {
    const user = await createUser(t.app, t.db);
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: user.headers,
      payload: { name: '' },
    });
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/workspaces/nope', headers: user.headers });
    const described = Object.keys(document.components.schemas['Problem']?.properties ?? {});
    for (const response of [invalid, missing]) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(described).toEqual(expect.arrayContaining(Object.keys(response.json())));
    }
    expect(Object.keys(invalid.json())).toContain('errors');
    // A route's declared error answers keep every field, like the problems of routes that declare none.
    const unknownRoute = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route', headers: user.headers });
    expect(Object.keys(missing.json()).sort()).toEqual(Object.keys(unknownRoute.json()).sort());
  });
});

describe('Redocly lint (recommended rules, redocly.yaml)', () => {
  it('finds no error and no warning', () => {
    const root = fileURLToPath(new URL('../../../../../', import.meta.url));
    const cli = path.join(
      path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
      'bin',
      'cli.js',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'plume-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      // A minimal environment: no telemetry, no update check, nothing that could send it online.
      const env = {
        HOME: homedir(),
        NODE_ENV: 'test',
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      };
      const run = spawnSync(
        process.execPath,
        [cli, 'lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'json', '--max-problems', '500'],
        { cwd: dir, env, encoding: 'utf8', timeout: 60_000 },
      );
      const report = JSON.parse(run.stdout) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
      };
      const problems = report.problems
        .map((problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ''})`)
        .join('\n');
      expect(report.totals, problems || run.stderr).toEqual({ errors: 0, warnings: 0, ignored: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
