/**
 * Address ranges an outbound request must never reach unless an operator allowlists them:
 * the host itself, internal networks and cloud metadata endpoints are the classic SSRF targets.
 */
import { cidrContains, parseCidrOrThrow } from './cidr.ts';
import type { IpAddress } from './ip-address.ts';

const BLOCKED_IPV4 = [
  '0.0.0.0/8', // "this network", includes the unspecified address
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT (also Alibaba Cloud metadata 100.100.100.200)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, includes cloud metadata 169.254.169.254
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, includes broadcast 255.255.255.255
].map(parseCidrOrThrow);

const BLOCKED_IPV6 = [
  '::/96', // unspecified, loopback and deprecated IPv4-compatible addresses
  '100::/64', // discard-only
  'fc00::/7', // unique local (private)
  'fe80::/10', // link-local
  'fec0::/10', // deprecated site-local
  'ff00::/8', // multicast
].map(parseCidrOrThrow);

/** IPv6 ranges that carry an IPv4 address; the IPv4 inside must be checked as well. */
const EMBEDDING_RANGES = [
  { cidr: parseCidrOrThrow('::ffff:0:0/96'), shift: 0n }, // IPv4-mapped
  { cidr: parseCidrOrThrow('64:ff9b::/96'), shift: 0n }, // NAT64 well-known prefix
  { cidr: parseCidrOrThrow('2002::/16'), shift: 80n }, // 6to4: IPv4 in bits 16..47
];

/**
 * Returns the IPv4 address carried inside an IPv4-mapped, NAT64 or 6to4 IPv6 address.
 * @example embeddedIpv4(parseIp('::ffff:169.254.169.254')!) // 169.254.169.254 as IPv4
 */
export function embeddedIpv4(ip: IpAddress): IpAddress | null {
  if (ip.family !== 6) return null;
  for (const { cidr, shift } of EMBEDDING_RANGES) {
    if (cidrContains(cidr, ip)) {
      return { family: 4, value: (ip.value >> shift) & 0xffffffffn };
    }
  }
  return null;
}

/** The address plus any IPv4 it embeds: every form a connection could really reach. */
export function addressForms(ip: IpAddress): IpAddress[] {
  const inner = embeddedIpv4(ip);
  return inner === null ? [ip] : [ip, inner];
}

/** True for loopback, private, link-local, CGNAT, multicast, reserved and unspecified addresses. */
export function isNonPublicAddress(ip: IpAddress): boolean {
  return addressForms(ip).some((form) => {
    const ranges = form.family === 4 ? BLOCKED_IPV4 : BLOCKED_IPV6;
    return ranges.some((range) => cidrContains(range, form));
  });
}
