import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpResponseShapeError, HttpStatusError, HttpTimeoutError } from './errors.ts';
import { createHttpClient } from './http-client.ts';
import { replyJson, useTestServers } from './test-server.ts';

const serve = useTestServers();

const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], backoffBaseMs: 5 });
const Post = z.object({ id: z.number(), author: z.object({ handle: z.string() }) });

describe('getJson / postJson', () => {
  it('returns the schema output for a valid body', async () => {
    const server = await serve(replyJson(200, { id: 1, author: { handle: 'a' }, extra: true }));
    const post = await client.getJson(server.url, { schema: Post });
    expect(post).toEqual({ id: 1, author: { handle: 'a' } });
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('throws HttpResponseShapeError listing the paths that did not match', async () => {
    const server = await serve(replyJson(200, { id: 'x', author: {} }));
    const error = await client.getJson(server.url, { schema: Post }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpResponseShapeError);
    expect((error as HttpResponseShapeError).issues.map((issue) => issue.path).sort()).toEqual(['author.handle', 'id']);
  });

  it('throws HttpResponseShapeError for a body that is not JSON', async () => {
    const server = await serve((req, res) => res.end('<html>'));
    await expect(client.getJson(server.url)).rejects.toBeInstanceOf(HttpResponseShapeError);
  });

  it('posts JSON once and throws HttpStatusError with details on non-2xx', async () => {
    const server = await serve((req, res) => {
      res.writeHead(503, { 'retry-after': '120', 'set-cookie': 'sid=abc', 'x-request-id': 'r1' });
      res.end('x'.repeat(5000));
    });
    const error = await client.postJson(`${server.url}/post?token=abc`, { text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    const statusError = error as HttpStatusError;
    expect(statusError).toMatchObject({ status: 503, retryAfterMs: 120_000, method: 'POST' });
    expect(statusError.bodyText).toHaveLength(2048);
    expect(statusError.headers['x-request-id']).toBe('r1');
    expect(statusError.headers['set-cookie']).toBe('[REDACTED]');
    expect(statusError.url).not.toContain('abc');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('throws at once with retryAfterMs when a 429 asks to wait beyond the cap', async () => {
    const server = await serve(replyJson(429, {}, { 'retry-after': '300' }));
    const startedAt = performance.now();
    await expect(client.getJson(server.url)).rejects.toMatchObject({
      constructor: HttpStatusError,
      status: 429,
      retryAfterMs: 300_000,
    });
    expect(performance.now() - startedAt).toBeLessThan(500);
    expect(server.requests).toHaveLength(1);
  });

  it('maps a body that stalls past the timeout to HttpTimeoutError', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":'); // and never finish
    });
    const error = await client.getJson(server.url, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpTimeoutError);
  });
});
