import { describe, expect, it } from 'vitest';
import { HttpNetworkError, HttpTimeoutError } from './errors.ts';
import { createHttpClient } from './http-client.ts';
import { findClosedPort, replyJson, sendJson, useTestServers } from './test-server.ts';
import type { HttpClientOptions, HttpLogger } from './types.ts';

interface LogLine {
  level: 'debug' | 'warn';
  obj: Record<string, unknown>;
  msg: string;
}

function recordingLogger(): HttpLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    debug: (obj, msg) => lines.push({ level: 'debug', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
  };
}

/** A client allowed to reach the loopback test servers, with fast backoff. */
function loopbackClient(options: HttpClientOptions = {}) {
  return createHttpClient({ allowPrivateHosts: ['127.0.0.1'], backoffBaseMs: 5, backoffMaxMs: 20, ...options });
}

const serve = useTestServers();

describe('createHttpClient: timeouts', () => {
  it('throws HttpTimeoutError when the server does not answer in time', async () => {
    const server = await serve(() => undefined); // never responds
    const startedAt = Date.now();
    const error = await loopbackClient({ timeoutMs: 200, retries: 0 })
      .request(server.url)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 200, method: 'GET' });
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });

  it('applies the timeout per attempt and retries idempotent requests that timed out', async () => {
    const server = await serve((req, res) => {
      if (server.requests.length >= 2) sendJson(res, 200, { ok: true });
    });
    const response = await loopbackClient({ timeoutMs: 150 }).request(server.url);
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it('bounds a hanging DNS lookup by the same timeout', async () => {
    const never = () => new Promise<never>(() => undefined);
    const client = createHttpClient({ lookup: never, timeoutMs: 100, retries: 0 });
    await expect(client.request('http://slow-dns.example/')).rejects.toBeInstanceOf(HttpTimeoutError);
  });

  it('passes a caller abort through untouched and does not retry it', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    setTimeout(() => {
      controller.abort(reason);
    }, 50);
    await expect(loopbackClient().request(server.url, { signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });
});

describe('createHttpClient: retries', () => {
  it('retries a 503 and returns the later success', async () => {
    const server = await serve((req, res) => {
      if (server.requests.length === 1) sendJson(res, 503, { error: 'busy' });
      else sendJson(res, 200, { ok: true });
    });
    const logger = recordingLogger();
    const response = await loopbackClient({ logger }).request(`${server.url}/x?access_token=secret1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    const requests = logger.lines.filter((line) => line.msg === 'http request');
    expect(requests.map((line) => [line.obj.status, line.obj.attempt])).toEqual([
      [503, 1],
      [200, 2],
    ]);
    expect(requests[0]?.obj).toMatchObject({ method: 'GET', url: `${server.url}/x?access_token=[REDACTED]` });
    expect(typeof requests[0]?.obj.durationMs).toBe('number');
    expect(JSON.stringify(logger.lines)).not.toContain('secret1');
  });

  it('returns the last retryable response once retries are exhausted', async () => {
    const server = await serve(replyJson(502, {}));
    const response = await loopbackClient({ retries: 2 }).request(server.url);
    expect(response.status).toBe(502);
    expect(server.requests).toHaveLength(3);
  });

  it('waits as long as a 429 Retry-After asks (seconds form)', async () => {
    const server = await serve((req, res) => {
      if (server.requests.length === 1) sendJson(res, 429, {}, { 'retry-after': '1' });
      else sendJson(res, 200, { ok: true });
    });
    const startedAt = performance.now();
    const response = await loopbackClient().request(server.url);
    const elapsed = performance.now() - startedAt;
    expect(response.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
  });

  it('returns at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const server = await serve(replyJson(503, {}, { 'retry-after': '120' }));
    const startedAt = performance.now();
    const response = await loopbackClient().request(server.url);
    expect(performance.now() - startedAt).toBeLessThan(500);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a POST, but does when the caller marks it idempotent', async () => {
    const server = await serve(replyJson(503, {}));
    const client = loopbackClient();
    expect((await client.request(server.url, { method: 'POST', body: '{}' })).status).toBe(503);
    expect(server.requests).toHaveLength(1);
    await client.request(server.url, { method: 'POST', body: '{}', idempotent: true });
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry non-transient statuses', async () => {
    const server = await serve(replyJson(404, {}));
    expect((await loopbackClient().request(server.url)).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('throws HttpNetworkError after retrying a refused connection', async () => {
    const port = await findClosedPort();
    const logger = recordingLogger();
    const error = await loopbackClient({ logger })
      .request(`http://127.0.0.1:${port}/`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpNetworkError);
    expect(error).toMatchObject({ systemCode: 'ECONNREFUSED' });
    expect(logger.lines.filter((line) => line.msg === 'http request failed')).toHaveLength(3);
  });

  it('does not retry a refused POST', async () => {
    const port = await findClosedPort();
    const logger = recordingLogger();
    const request = loopbackClient({ logger }).request(`http://127.0.0.1:${port}/`, { method: 'POST' });
    await expect(request).rejects.toBeInstanceOf(HttpNetworkError);
    expect(logger.lines.filter((line) => line.msg === 'http request failed')).toHaveLength(1);
  });
});

describe('createHttpClient: request details', () => {
  it('sends the default User-Agent unless the caller sets one', async () => {
    const server = await serve(replyJson(200, {}));
    const client = loopbackClient();
    await client.request(server.url);
    await client.request(server.url, { headers: { 'user-agent': 'Custom/1' } });
    expect(server.requests.map((req) => req.headers['user-agent'])).toEqual(['Plume/0.1', 'Custom/1']);
  });

  it('validates options at construction', () => {
    expect(() => createHttpClient({ timeoutMs: 0 })).toThrow(TypeError);
    expect(() => createHttpClient({ retries: -1 })).toThrow(TypeError);
    expect(() => createHttpClient({ allowPrivateHosts: ['300.0.0.1'] })).toThrow(TypeError);
  });
});
