import { describe, expect, it } from 'vitest';
import { HttpNetworkError, SsrfBlockedError } from './errors.ts';
import { createSsrfGuard } from './ssrf-guard.ts';
import type { LookupFn } from './types.ts';

/** A resolver that answers from a table and fails like DNS for unknown names. */
function fakeDns(table: Record<string, string[]>): LookupFn {
  return (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) {
      return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    }
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

const dns = fakeDns({
  'public.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'metadata.example': ['169.254.169.254'],
  'mapped.example': ['::ffff:169.254.169.254'],
  'mixed.example': ['93.184.215.14', '10.0.0.5'],
  'internal.example': ['10.1.2.3'],
  'empty.example': [],
});

async function blockedBy(url: string, guard = createSsrfGuard({ lookup: dns })): Promise<SsrfBlockedError> {
  const error: unknown = await guard.assertAllowed(new URL(url)).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SsrfBlockedError);
  return error as SsrfBlockedError;
}

describe('createSsrfGuard', () => {
  it('allows hosts that resolve only to public addresses', async () => {
    const guard = createSsrfGuard({ lookup: dns });
    await expect(guard.assertAllowed(new URL('https://public.example/x'))).resolves.toBe(undefined);
    await expect(guard.assertAllowed(new URL('http://8.8.8.8/'))).resolves.toBe(undefined);
  });

  it('blocks a hostname resolving to the cloud metadata address', async () => {
    const error = await blockedBy('http://metadata.example/latest/meta-data/');
    expect(error).toMatchObject({ host: 'metadata.example', address: '169.254.169.254', reason: 'private-address' });
  });

  it('blocks IPv4-mapped IPv6 answers and literals', async () => {
    expect((await blockedBy('http://mapped.example/')).address).toBe('::ffff:169.254.169.254');
    expect((await blockedBy('http://[::ffff:7f00:1]/')).host).toBe('::ffff:7f00:1');
  });

  it('blocks when any one of several answers is private', async () => {
    expect((await blockedBy('https://mixed.example/')).address).toBe('10.0.0.5');
  });

  it('blocks loopback literals in every spelling the URL parser accepts', async () => {
    const spellings = ['127.0.0.1', '127.1', '2130706433', '0x7f000001', '[::1]', '0.0.0.0', '[::]'];
    for (const url of spellings.map((host) => `http://${host}/`)) {
      expect((await blockedBy(url)).reason, url).toBe('private-address');
    }
  });

  it('refuses schemes other than http and https without resolving', async () => {
    const urls = ['ftp://public.example/', 'file:///etc/passwd', 'gopher://public.example/', 'data:text/plain,hi'];
    for (const url of urls) {
      expect((await blockedBy(url)).reason, url).toBe('scheme');
    }
  });

  it('lets allowlisted hostnames, IPs and CIDRs through', async () => {
    const allowPrivateHosts = ['internal.example', '127.0.0.1', '169.254.0.0/16', '::1'];
    const guard = createSsrfGuard({ lookup: dns, allowPrivateHosts });
    await guard.assertAllowed(new URL('http://internal.example/'));
    await guard.assertAllowed(new URL('http://INTERNAL.example./'));
    await guard.assertAllowed(new URL('http://127.0.0.1:8080/'));
    await guard.assertAllowed(new URL('http://[::ffff:127.0.0.1]/'));
    await guard.assertAllowed(new URL('http://metadata.example/'));
    await guard.assertAllowed(new URL('http://[::1]/'));
    expect((await blockedBy('http://127.0.0.2/', guard)).address).toBe('127.0.0.2');
    expect((await blockedBy('http://10.0.0.1/', guard)).address).toBe('10.0.0.1');
  });

  it('allowAllPrivate disables the address check but not the scheme check', async () => {
    const guard = createSsrfGuard({ lookup: dns, allowAllPrivate: true });
    await guard.assertAllowed(new URL('http://metadata.example/'));
    expect((await blockedBy('file:///etc/passwd', guard)).reason).toBe('scheme');
  });

  it('reports DNS failures as network errors', async () => {
    const guard = createSsrfGuard({ lookup: dns });
    await expect(guard.assertAllowed(new URL('http://nowhere.example/'))).rejects.toMatchObject({
      constructor: HttpNetworkError,
      systemCode: 'ENOTFOUND',
    });
    await expect(guard.assertAllowed(new URL('http://empty.example/'))).rejects.toBeInstanceOf(HttpNetworkError);
  });

  it('rejects malformed allowlist entries at construction', () => {
    expect(() => createSsrfGuard({ allowPrivateHosts: ['10.0.0/8'] })).toThrow(TypeError);
    expect(() => createSsrfGuard({ allowPrivateHosts: ['10.0.0.0/40'] })).toThrow(TypeError);
    expect(() => createSsrfGuard({ allowPrivateHosts: ['fe80::zz'] })).toThrow(TypeError);
  });
});
