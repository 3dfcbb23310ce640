/**
 * Refuses outbound requests to non-public addresses. User-supplied URLs (webhooks, link
 * previews, self-hosted instance URLs, redirects) must not let anyone probe the host's network
 * or read cloud metadata credentials.
 *
 * Known gap: fetch resolves the name again when it connects, so a DNS server answering with a
 * public address here and a private one a moment later (rebinding) could slip through. Closing
 * it needs an undici `Agent` whose `connect.lookup` re-checks addresses (the `undici` package).
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

  return {
    async assertAllowed(url, method = 'GET') {
      const host = normalizeHost(url.hostname);
      if (!ALLOWED_PROTOCOLS.has(url.protocol)) throw new SsrfBlockedError(host, undefined, 'scheme');
      if (allowAllPrivate || allowlist.hostnames.has(host)) return;
      // Every resolved address is checked: the connection may use any of them.
      for (const { address } of await resolve(host, lookup, method, url)) {
        const ip = parseIp(address);
        if (ip === null || (isNonPublicAddress(ip) && !isAllowlisted(ip, allowlist))) {
          throw new SsrfBlockedError(host, address, 'private-address');
        }
      }
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

async function resolve(
  host: string,
  lookup: LookupFn,
  method: string,
  url: URL,
): Promise<readonly LookupAddress[]> {
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
