import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import type { SsrfGuard } from './ssrf-guard.ts';

/**
 * An undici connection pool whose sockets resolve names through the SSRF guard. Checking a URL and
 * then letting the socket resolve the name again would leave a gap: a DNS server can answer with a
 * public address for the check and a private one for the connection (DNS rebinding). Here the
 * addresses checked are the addresses connected to.
 */
export function createGuardedAgent(guard: SsrfGuard): Agent {
  const lookup: LookupFunction = (hostname, options, callback) => {
    guard.resolveAllowed(hostname).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((item) => item.family === options.family)
            : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (options.all)
          return callback(
            null,
            usable.map((item) => ({ address: item.address, family: item.family })),
          );
        const first = usable[0];
        if (!first)
          return callback(Object.assign(new Error(`No addresses for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        return callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
    );
  };
  return new Agent({ connect: { lookup } });
}
