import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HttpRedirectError, SsrfBlockedError } from './errors.ts';
import { createHttpClient } from './http-client.ts';
import { replyJson, sendJson, useTestServers } from './test-server.ts';

const serve = useTestServers();

function redirectTo(location: string, status = 302): RequestListener {
  return (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
}

describe('SSRF guard in the client', () => {
  it('blocks loopback by default, before any connection is made', async () => {
    const server = await serve(replyJson(200, {}));
    const error = await createHttpClient()
      .request(server.url)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(error).toMatchObject({ host: '127.0.0.1', address: '127.0.0.1', reason: 'private-address' });
    expect(server.requests).toHaveLength(0);
  });

  it('reaches loopback when allowlisted by IP, CIDR or hostname', async () => {
    const server = await serve(replyJson(200, { ok: true }));
    for (const allow of ['127.0.0.1', '127.0.0.0/8']) {
      expect((await createHttpClient({ allowPrivateHosts: [allow] }).request(server.url)).status, allow).toBe(200);
    }
    const byName = createHttpClient({ allowPrivateHosts: ['localhost'] });
    expect((await byName.request(`http://localhost:${server.port}/`)).status).toBe(200);
    expect((await createHttpClient({ allowAllPrivate: true }).request(server.url)).status).toBe(200);
    expect(server.requests).toHaveLength(4);
  });

  it('blocks a hostname that resolves to the cloud metadata address', async () => {
    const client = createHttpClient({ lookup: () => Promise.resolve([{ address: '169.254.169.254', family: 4 }]) });
    await expect(client.request('http://metadata.attacker.example/latest/meta-data/')).rejects.toMatchObject({
      constructor: SsrfBlockedError,
      host: 'metadata.attacker.example',
      address: '169.254.169.254',
    });
  });

  it('connects only to the addresses it checked, so DNS rebinding cannot reach loopback', async () => {
    const server = await serve(replyJson(200, { internal: true }));
    const port = new URL(server.url).port;
    let lookups = 0;
    // First answer public (passes the pre-flight check), then loopback (what a rebinding DNS server does).
    const lookup = () => {
      lookups += 1;
      return Promise.resolve([{ address: lookups === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]);
    };
    const error = await createHttpClient({ lookup, retries: 0 })
      .request(`http://rebind.attacker.example:${port}/`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(error).toMatchObject({ host: 'rebind.attacker.example', address: '127.0.0.1' });
    expect(lookups).toBeGreaterThanOrEqual(2);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses non-http schemes', async () => {
    await expect(createHttpClient().request('ftp://example.com/file')).rejects.toMatchObject({
      constructor: SsrfBlockedError,
      reason: 'scheme',
    });
  });
});

describe('redirects', () => {
  it('refuses a redirect from an allowed host to a blocked one', async () => {
    const internal = await serve(replyJson(200, { secret: true }), '127.0.0.2');
    const entry = await serve(redirectTo(`${internal.url}/admin`));
    const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
    const error = await client.request(entry.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(error).toMatchObject({ address: '127.0.0.2' });
    expect(entry.requests).toHaveLength(1);
    expect(internal.requests).toHaveLength(0);
  });

  it('refuses a redirect to a file: URL', async () => {
    const entry = await serve(redirectTo('file:///etc/passwd'));
    await expect(createHttpClient({ allowPrivateHosts: ['127.0.0.1'] }).request(entry.url)).rejects.toMatchObject({
      constructor: SsrfBlockedError,
      reason: 'scheme',
    });
  });

  it('follows allowed redirects, keeping Authorization same-origin and dropping it cross-origin', async () => {
    const other = await serve(replyJson(200, { where: 'other' }));
    const entry = await serve((req, res) => {
      if (req.url === '/start') redirectTo('/same')(req, res);
      else redirectTo(`${other.url}/final`, 307)(req, res);
    });
    const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
    const headers = { authorization: 'Bearer t', 'x-trace': '1' };
    const response = await client.request(`${entry.url}/start`, { headers });
    expect(await response.json()).toEqual({ where: 'other' });
    expect(entry.requests.map((req) => [req.url, req.headers.authorization])).toEqual([
      ['/start', 'Bearer t'],
      ['/same', 'Bearer t'],
    ]);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers['x-trace']).toBe('1');
  });

  it('turns a POST into a GET on 303 and keeps method and body on 307', async () => {
    const seen: string[] = [];
    const target = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push(`${req.method} ${body}`);
        sendJson(res, 200, {});
      });
    });
    const see = await serve(redirectTo(target.url, 303));
    const temporary = await serve(redirectTo(target.url, 307));
    const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
    await client.request(see.url, { method: 'POST', body: 'hello' });
    await client.request(temporary.url, { method: 'POST', body: 'hello' });
    expect(seen).toEqual(['GET ', 'POST hello']);
  });

  it('stops after maxRedirects hops', async () => {
    const loop = await serve(redirectTo('/again'));
    const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], maxRedirects: 3 });
    const error = await client.request(loop.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpRedirectError);
    expect(error).toMatchObject({ reason: 'too-many-redirects' });
    expect(loop.requests).toHaveLength(4);
  });

  it("returns the 3xx untouched with redirect: 'manual'", async () => {
    const entry = await serve(redirectTo('http://169.254.169.254/'));
    const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
    const response = await client.request(entry.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://169.254.169.254/');
  });
});
