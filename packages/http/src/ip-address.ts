/**
 * Pure IP address parsing into 32/128-bit integers, so range checks are exact arithmetic
 * instead of string prefix guesses (which miss forms like `::ffff:7f00:1` or `0:0::1`).
 */
import { isIP } from 'node:net';

/** An IP address as an integer: 32 bits for IPv4, 128 bits for IPv6. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** Bit width of an address family. */
export function familyBits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

/**
 * Parses a literal IPv4 or IPv6 address (brackets and `%zone` suffixes are ignored).
 * Returns null for anything that is not an IP literal, e.g. a hostname.
 * @example parseIp('::ffff:127.0.0.1') // { family: 6, value: 0xffff7f000001n }
 */
export function parseIp(text: string): IpAddress | null {
  const literal = stripZone(stripBrackets(text.trim()));
  const family = isIP(literal);
  if (family === 4) return { family: 4, value: parseIpv4(literal) };
  if (family === 6) return { family: 6, value: parseIpv6(literal) };
  return null;
}

/** Removes the brackets URL hostnames put around IPv6 literals (`[::1]`). */
export function stripBrackets(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
}

function stripZone(text: string): string {
  const percent = text.indexOf('%');
  return percent === -1 ? text : text.slice(0, percent);
}

// Callers guarantee the input passed `isIP`, so the parsers below only do arithmetic.
function parseIpv4(text: string): bigint {
  return text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function parseIpv6(text: string): bigint {
  const groups = expandIpv6Groups(dottedTailToHex(text));
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

/** Rewrites a trailing dotted IPv4 (`::ffff:1.2.3.4`) as two hex groups (`::ffff:102:304`). */
function dottedTailToHex(text: string): string {
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (!tail.includes('.')) return text;
  const v4 = parseIpv4(tail);
  return `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
}

/** Expands `::` into the right number of zero groups and returns exactly eight groups. */
function expandIpv6Groups(text: string): string[] {
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  if (tail === undefined) return headGroups;
  const tailGroups = tail === '' ? [] : tail.split(':');
  const zeros = new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups];
}
