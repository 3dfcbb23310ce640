import { describe, expect, it } from 'vitest';
import { parseIp } from './ip-address.ts';
import { embeddedIpv4, isNonPublicAddress } from './private-ranges.ts';

function isBlocked(text: string): boolean {
  const ip = parseIp(text);
  if (ip === null) throw new Error(`bad test address ${text}`);
  return isNonPublicAddress(ip);
}

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::169.254.169.254',
    '2002:a9fe:a9fe::1',
  ])('blocks %s', (address) => {
    expect(isBlocked(address)).toBe(true);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '93.184.215.14',
    '172.32.0.1',
    '100.128.0.1',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
  ])('allows public %s', (address) => {
    expect(isBlocked(address)).toBe(false);
  });
});

describe('embeddedIpv4', () => {
  it('extracts the IPv4 from mapped, NAT64 and 6to4 addresses', () => {
    const expected = parseIp('169.254.169.254');
    for (const form of ['::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe:1::']) {
      const ip = parseIp(form);
      expect(ip && embeddedIpv4(ip), form).toEqual(expected);
    }
    const plain = parseIp('2606:4700::1');
    expect(plain && embeddedIpv4(plain)).toBeNull();
  });
});
