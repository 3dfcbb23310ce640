// `HttpClient.exchange`, the buffered path on undici's `request`: the same guards as `request`
// (SSRF before the hop and on connect, redirects by hand, time budget, retries, redaction), over real
// loopback servers.
import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HttpNetworkError, HttpRedirectError, HttpTimeoutError, SsrfBlockedError } from './errors.ts';
import { createHttpClient } from './http-client.ts';
import { withRequestDefaults } from './request-defaults.ts';
import { findClosedPort, replyJson, sendJson, useTestServers } from './test-server.ts';
import type { HttpClientOptions, HttpLogger } from './types.ts';

const serve = useTestServers();

function loopback(options: HttpClientOptions = {}) {
  const client = createHttpClient({
    allowPrivateHosts: ['127.0.0.0/8'],
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    ...options,
  });
  const exchange = client.exchange?.bind(client);
  if (exchange === undefined) throw new Error('createHttpClient gives exchange');
  return { client, exchange };
}

function readBody(req: Parameters<RequestListener>[0]): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

describe('exchange: the answer', () => {
  it('returns status, body text and headers, and sends the body with the defaults fetch would give', async () => {
    let seen: { body: string; type?: string; agent?: string; auth?: string } | undefined;
    const server = await serve((req, res) => {
      void readBody(req).then((body) => {
        seen = {
          body,
          type: req.headers['content-type'],
          agent: req.headers['user-agent'],
          auth: req.headers.authorization,
        };
        res.setHeader('x-multi', ['a', 'b']);
        sendJson(res, 201, { id: 7 }, { 'x-request-id': 'r1' });
      });
    });
    const answer = await loopback().exchange(`${server.url}/posts`, {
      method: 'post',
      headers: { Authorization: 'Bearer t' },
      body: 'hello',
    });
    expect(answer).toMatchObject({
      status: 201,
      ok: true,
      text: '{"id":7}',
      truncated: false,
      url: `${server.url}/posts`,
    });
    expect(answer.header('X-Request-Id')).toBe('r1');
    expect(answer.header('x-multi')).toBe('a, b');
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(seen).toEqual({ body: 'hello', type: 'text/plain;charset=UTF-8', agent: 'Plume/0.1', auth: 'Bearer t' });
  });

  it('sends form fields and FormData with their content types, and bytes as they are', async () => {
    const seen: { type?: string; body: string }[] = [];
    const server = await serve((req, res) => {
      void readBody(req).then((body) => {
        seen.push({ type: req.headers['content-type'], body });
        sendJson(res, 200, {});
      });
    });
    const { exchange } = loopback();
    await exchange(server.url, { method: 'POST', body: new URLSearchParams({ a: '1', b: 'x y' }) });
    const form = new FormData();
    form.set('field', 'value');
    await exchange(server.url, { method: 'POST', body: form });
    await exchange(server.url, { method: 'PUT', body: new TextEncoder().encode('bytes') });
    expect(seen[0]).toEqual({ type: 'application/x-www-form-urlencoded;charset=UTF-8', body: 'a=1&b=x+y' });
    expect(seen[1]?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[1]?.body).toContain('name="field"');
    expect(seen[2]).toEqual({ type: undefined, body: 'bytes' });
  });

  it('returns 4xx and 5xx answers rather than throwing, and cuts a body longer than maxBodyBytes', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/big') return sendJson(res, 200, { data: 'x'.repeat(5000) });
      return sendJson(res, 422, { error: 'bad' });
    });
    const { exchange } = loopback();
    expect(await exchange(server.url, { method: 'POST', body: '{}' })).toMatchObject({ status: 422, ok: false });
    const big = await exchange(`${server.url}/big`, { maxBodyBytes: 100 });
    expect(big.truncated).toBe(true);
    expect(big.text).toHaveLength(100);
  });

  it('sends a stream body through the fetch path and buffers its answer', async () => {
    const server = await serve((req, res) => void readBody(req).then((body) => sendJson(res, 200, { body })));
    const stream = new Blob(['streamed']).stream();
    const answer = await loopback().exchange(server.url, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(JSON.parse(answer.text)).toEqual({ body: 'streamed' });
  });
});

describe('exchange: retries, timeouts and failures', () => {
  it('retries an idempotent request after Retry-After, but never a POST', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) return sendJson(res, 503, {}, { 'retry-after': '0' });
      return sendJson(res, 200, { calls });
    });
    const { exchange } = loopback();
    expect((await exchange(server.url)).status).toBe(200);
    expect(calls).toBe(2);
    calls = 0;
    expect((await exchange(server.url, { method: 'POST', body: '{}' })).status).toBe(503);
    expect(calls).toBe(1);
  });

  it('throws HttpTimeoutError when the answer or its body is late', async () => {
    const silent = await serve(() => undefined);
    const slowBody = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const { exchange } = loopback({ timeoutMs: 150, retries: 0 });
    await expect(exchange(silent.url)).rejects.toBeInstanceOf(HttpTimeoutError);
    await expect(exchange(slowBody.url)).rejects.toMatchObject({ constructor: HttpTimeoutError, timeoutMs: 150 });
  });

  it('passes the caller’s abort reason through, and reports a refused connection with its code', async () => {
    const silent = await serve(() => undefined);
    const controller = new AbortController();
    const reason = new Error('cancelled by the caller');
    const pending = loopback().exchange(silent.url, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
    const port = await findClosedPort();
    const error = await loopback({ retries: 0 })
      .exchange(`http://127.0.0.1:${port}/`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpNetworkError);
    expect(error).toMatchObject({ systemCode: 'ECONNREFUSED' });
  });

  it('logs one redacted line per attempt', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger: HttpLogger = { debug: (obj) => lines.push(obj), warn: (obj) => lines.push(obj) };
    const server = await serve(replyJson(200, {}));
    await loopback({ logger }).exchange(`${server.url}/x?access_token=secret-value`);
    expect(JSON.stringify(lines)).not.toContain('secret-value');
    expect(lines[0]).toMatchObject({ method: 'GET', status: 200, attempt: 1 });
  });

  it('keeps its own time budget and retries under withRequestDefaults', async () => {
    const silent = await serve(() => undefined);
    const quick = withRequestDefaults(loopback().client, { timeoutMs: 100, retries: 0 });
    await expect(quick.exchange?.(silent.url)).rejects.toBeInstanceOf(HttpTimeoutError);
    expect(silent.requests).toHaveLength(1);
  });
});

describe('exchange: SSRF guard and redirects', () => {
  it('blocks loopback unless allowed, before connecting, and a hostname resolving to a private address', async () => {
    const server = await serve(replyJson(200, {}));
    const plain = createHttpClient();
    await expect(plain.exchange?.(server.url)).rejects.toBeInstanceOf(SsrfBlockedError);
    expect(server.requests).toHaveLength(0);
    const rebinding = createHttpClient({ lookup: () => Promise.resolve([{ address: '169.254.169.254', family: 4 }]) });
    await expect(rebinding.exchange?.('http://metadata.attacker.example/')).rejects.toBeInstanceOf(SsrfBlockedError);
  });

  it('connects only to the addresses it checked (DNS rebinding)', async () => {
    const server = await serve(replyJson(200, { internal: true }));
    let lookups = 0;
    const lookup = () => {
      lookups += 1;
      return Promise.resolve([{ address: lookups === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]);
    };
    const error = await createHttpClient({ lookup, retries: 0 })
      .exchange?.(`http://rebind.attacker.example:${server.port}/`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(server.requests).toHaveLength(0);
  });

  it('checks every redirect hop and drops credentials when the origin changes', async () => {
    let seenAuth: string | undefined = 'unset';
    const other = await serve((req, res) => {
      seenAuth = req.headers.authorization;
      sendJson(res, 200, { method: req.method });
    }, '127.0.0.2');
    const start = await serve((_req, res) => {
      res.writeHead(303, { location: `${other.url}/landing` });
      res.end();
    });
    const answer = await loopback().exchange(start.url, {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer secret' },
    });
    expect(JSON.parse(answer.text)).toEqual({ method: 'GET' });
    expect(answer.url).toBe(`${other.url}/landing`);
    expect(seenAuth).toBeUndefined();
    const guarded = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
    await expect(guarded.exchange?.(start.url, { method: 'POST', body: '{}' })).rejects.toBeInstanceOf(
      SsrfBlockedError,
    );
  });

  it('follows no redirect with redirect: error or manual, and stops after maxRedirects', async () => {
    const loop = await serve((_req, res) => {
      res.writeHead(302, { location: '/again' });
      res.end();
    });
    const { exchange } = loopback({ maxRedirects: 2 });
    await expect(exchange(loop.url, { redirect: 'error' })).rejects.toMatchObject({
      constructor: HttpRedirectError,
      reason: 'redirect-not-allowed',
    });
    expect((await exchange(loop.url, { redirect: 'manual' })).status).toBe(302);
    await expect(exchange(loop.url)).rejects.toMatchObject({ reason: 'too-many-redirects' });
  });
});
