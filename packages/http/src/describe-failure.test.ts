import { describe, expect, it } from 'vitest';
import { describeUnreachable } from './describe-failure.ts';
import { createHttpClient } from './http-client.ts';
import { withRequestDefaults } from './request-defaults.ts';
import { findClosedPort, useTestServers } from './test-server.ts';

const serve = useTestServers();
const loopback = () => createHttpClient({ allowPrivateHosts: ['127.0.0.1'], backoffBaseMs: 5, backoffMaxMs: 20 });

describe('describeUnreachable', () => {
  it('says a name that does not resolve failed its DNS lookup, naming the host', async () => {
    const error = await createHttpClient({ retries: 0 })
      .request('https://nonexistent.invalid/xrpc')
      .catch((e: unknown) => e);
    expect(describeUnreachable(error)).toEqual({
      host: 'nonexistent.invalid',
      kind: 'dns',
      reason: 'DNS lookup failed',
    });
  });

  it('says a closed port refused the connection', async () => {
    const port = await findClosedPort();
    const error = await loopback()
      .request(`http://127.0.0.1:${port}/`, { retries: 0 })
      .catch((e: unknown) => e);
    expect(describeUnreachable(error)).toEqual({ host: '127.0.0.1', kind: 'refused', reason: 'connection refused' });
  });

  it('says a private address was refused by the guard, and which one', async () => {
    const error = await createHttpClient()
      .request('http://127.0.0.1:9/')
      .catch((e: unknown) => e);
    expect(describeUnreachable(error)).toMatchObject({
      host: '127.0.0.1',
      kind: 'private',
      reason: '127.0.0.1 is a private, loopback or link-local address',
    });
  });

  it('finds the failure inside the errors that wrap it, and ignores answers that came back', async () => {
    const port = await findClosedPort();
    const inner = await loopback()
      .request(`http://127.0.0.1:${port}/`, { retries: 0 })
      .catch((e: unknown) => e);
    expect(describeUnreachable(new Error('Retryable', { cause: inner }))?.kind).toBe('refused');
    expect(describeUnreachable(new Error('The network refused to post (400)'))).toBeUndefined();
  });
});

describe('withRequestDefaults', () => {
  it('gives up after its own time budget, without retries, and says so in seconds', async () => {
    const server = await serve(() => undefined); // never answers
    const quick = withRequestDefaults(loopback(), { timeoutMs: 300, retries: 0 });
    const error = await quick.request(server.url).catch((e: unknown) => e);
    expect(describeUnreachable(error)).toEqual({
      host: '127.0.0.1',
      kind: 'timeout',
      reason: 'no answer within 0.3 s',
    });
    expect(server.requests).toHaveLength(1);
    await expect(quick.getJson(server.url)).rejects.toMatchObject({ timeoutMs: 300 });
  });
});
