import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '@plume/core/mail/enqueue-mail';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('operations routes', () => {
  it('answers liveness without credentials', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is not ready without a worker heartbeat, and ready with a fresh one', async () => {
    await t.db.execute(sql`DELETE FROM worker_heartbeats`);
    const notReady = await t.app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().checks).toMatchObject({
      database: { ok: true },
      migrations: { ok: true },
      worker: { ok: false },
    });

    await t.db.execute(
      sql`INSERT INTO worker_heartbeats (worker_id, hostname, pid, last_seen_at) VALUES ('stale', 'h', 1, now() - interval '31 seconds')`,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode).toBe(503);

    await t.db.execute(sql`INSERT INTO worker_heartbeats (worker_id, hostname, pid) VALUES ('fresh', 'h', 2)`);
    const ready = await t.app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('exports HTTP latency and queued jobs as Prometheus metrics', async () => {
    await enqueueMail(t.db, { to: 'metrics@example.test', subject: 's', text: 't' });
    await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/,
    );
    expect(response.body).toMatch(/plume_jobs\{state="waiting"\} [1-9]/);
  });

  it('echoes a caller request id and makes one otherwise', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers['x-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
  });

  it('serves an OpenAPI 3.1 document and a docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const body = doc.json();
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/workspaces', '/api/v1/workspaces/{workspaceId}/api-keys']),
    );
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/docs' });
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    // Plain-HTTP LAN installs must keep working: no forced upgrade to https.
    expect(policy).not.toContain('upgrade-insecure-requests');
    // The composer previews picked files (images and videos) from blob: URLs before they are uploaded.
    expect(policy).toContain("img-src 'self' data: blob:");
    expect(policy).toContain("media-src 'self' blob:");
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Plume API v1');
  });

  it("sends helmet's security headers on answers and on errors", async () => {
    const expected = {
      'content-security-policy':
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';" +
        "script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';media-src 'self' blob:",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    for (const url of ['/api/v1/health', '/api/v1/nothing-here']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers).toMatchObject(expected);
      expect(response.headers['cross-origin-embedder-policy']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('not_found');
  });
});
