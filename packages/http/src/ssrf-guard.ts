/**
 * Refuses outbound requests to non-public addresses. User-supplied URLs (webhooks, link
 * previews, self-hosted instance URLs, redirects) must not let anyone probe the host's network
 * or read cloud metadata credentials.
 *
 * DNS rebinding: the connection itself resolves names through `resolveAllowed` (see
 * guarded-agent.ts), so the addresses checked are the addresses connected to.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { cidrContains, parseCidrOrThrow } from './cidr.ts';
import type { Cidr } from './cidr.ts';
import { HttpNetworkError, SsrfBlockedError } from './errors.ts';
import { parseIp, stripBrackets } from './ip-address.ts';
import type { IpAddress } from './ip-address.ts';
import { addressForms, isNonPublicAddress } from './private-ranges.ts';
import { redactUrl } from './redact.ts';
import type { LookupAddress, LookupFn, SsrfPolicy } from './types.ts';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/** Checks one URL (call it again for every redirect hop). */
export interface SsrfGuard {
  /**
   * Resolves when the URL may be fetched; throws SsrfBlockedError, or HttpNetworkError when
   * DNS fails. `method` only labels that error.
   */
  assertAllowed(url: URL, method?: string): Promise<void>;
  /**
   * Resolves a hostname for the socket about to connect and refuses (SsrfBlockedError) when any
   * address is not allowed. Used as the connection's DNS lookup.
   */
  resolveAllowed(hostname: string): Promise<readonly LookupAddress[]>;
}

interface Allowlist {
  hostnames: ReadonlySet<string>;
  ranges: readonly Cidr[];
}

/** Default resolver: every address, in the order the system would try them. */
export const systemLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, order: 'verbatim' });

/**
 * Builds a guard from a policy. Invalid allowlist entries throw here, at boot, not per request.
 * @example createSsrfGuard({ allowPrivateHosts: ['localhost', '10.0.0.0/8'] })
 */
export function createSsrfGuard(policy: SsrfPolicy = {}): SsrfGuard {
  const allowlist = parseAllowlist(policy.allowPrivateHosts ?? []);
  const lookup = policy.lookup ?? systemLookup;
  const allowAllPrivate = policy.allowAllPrivate ?? false;

  const assertAddresses = (host: string, addresses: readonly LookupAddress[]) => {
    if (allowAllPrivate || allowlist.hostnames.has(host)) return;
    // Every resolved address is checked: the connection may use any of them.
    for (const { address } of addresses) {
      const ip = parseIp(address);
      if (ip === null || (isNonPublicAddress(ip) && !isAllowlisted(ip, allowlist))) {
        throw new SsrfBlockedError(host, address, 'private-address');
      }
    }
  };

  return {
    async assertAllowed(url, method = 'GET') {
      const host = normalizeHost(url.hostname);
      if (!ALLOWED_PROTOCOLS.has(url.protocol)) throw new SsrfBlockedError(host, undefined, 'scheme');
      if (allowAllPrivate || allowlist.hostnames.has(host)) return;
      assertAddresses(host, await resolve(host, lookup, method, url));
    },
    async resolveAllowed(hostname) {
      const host = normalizeHost(hostname);
      const addresses =
        parseIp(host) !== null ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await lookup(host);
      if (addresses.length === 0) throw new Error(`No addresses for ${host}`);
      assertAddresses(host, addresses);
      return addresses;
    },
  };
}

function parseAllowlist(entries: readonly string[]): Allowlist {
  const hostnames = new Set<string>();
  const ranges: Cidr[] = [];
  for (const entry of entries) {
    const text = entry.trim();
    // Anything that looks like an address must parse as one, so a typo cannot silently
    // become a hostname that never matches.
    if (/[/:]/.test(text) || /^[\d.]+$/.test(text)) {
      ranges.push(parseCidrOrThrow(text));
    } else {
      hostnames.add(normalizeHost(text));
    }
  }
  return { hostnames, ranges };
}

function isAllowlisted(ip: IpAddress, allowlist: Allowlist): boolean {
  return addressForms(ip).some((form) => allowlist.ranges.some((range) => cidrContains(range, form)));
}

async function resolve(host: string, lookup: LookupFn, method: string, url: URL): Promise<readonly LookupAddress[]> {
  if (parseIp(host) !== null) return [{ address: host, family: 0 }];
  let addresses: readonly LookupAddress[];
  try {
    addresses = await lookup(host);
  } catch (error) {
    throw new HttpNetworkError(method, redactUrl(url), error);
  }
  if (addresses.length === 0) {
    throw new HttpNetworkError(method, redactUrl(url), new Error(`No addresses for ${host}`));
  }
  return addresses;
}

/** Lowercase, without IPv6 brackets or the trailing dot of a fully qualified name. */
function normalizeHost(hostname: string): string {
  return stripBrackets(hostname.toLowerCase()).replace(/\.$/, '');
}
