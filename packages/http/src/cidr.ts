/**
 * CIDR parsing and matching on integer addresses. Written here (not via a dependency) because
 * the SSRF guard's correctness rests on it, so it must stay small enough to audit.
 */
import { familyBits, parseIp } from './ip-address.ts';
import type { IpAddress } from './ip-address.ts';

/** A network range: the masked network address and its prefix length. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

/**
 * Parses `10.0.0.0/8`, `fe80::/10`, or a bare address (treated as a single-host range).
 * Host bits are masked off, so `10.1.2.3/8` equals `10.0.0.0/8`. Returns null when invalid.
 * @example parseCidr('172.16.0.0/12')
 */
export function parseCidr(text: string): Cidr | null {
  const parts = text.trim().split('/');
  if (parts.length > 2) return null;
  const [addressText = '', prefixText] = parts;
  const ip = parseIp(addressText);
  if (ip === null) return null;
  const bits = familyBits(ip.family);
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > bits) return null;
  }
  return { family: ip.family, network: ip.value & prefixMask(bits, prefix), prefix };
}

/** True when `ip` lies inside `cidr`. Families never match each other (unwrap mapped IPv6 first). */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family !== ip.family) return false;
  return (ip.value & prefixMask(familyBits(ip.family), cidr.prefix)) === cidr.network;
}

/** Parses a CIDR that must be valid (built-in tables, operator config): a typo should fail at boot. */
export function parseCidrOrThrow(text: string): Cidr {
  const cidr = parseCidr(text);
  if (cidr === null) throw new TypeError(`Invalid CIDR or IP address: ${text}`);
  return cidr;
}

function prefixMask(bits: number, prefix: number): bigint {
  if (prefix === 0) return 0n;
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}
