import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseCidrOrThrow } from './cidr.ts';
import { parseIp } from './ip-address.ts';

function ip(text: string) {
  const parsed = parseIp(text);
  if (parsed === null) throw new Error(`bad test address ${text}`);
  return parsed;
}

describe('parseIp', () => {
  it('parses IPv4 and IPv6 forms to the same integers', () => {
    expect(ip('127.0.0.1')).toEqual({ family: 4, value: 0x7f000001n });
    expect(ip('::1')).toEqual({ family: 6, value: 1n });
    expect(ip('[::1]')).toEqual({ family: 6, value: 1n });
    expect(ip('0:0:0:0:0:0:0:1')).toEqual(ip('::1'));
    expect(ip('::ffff:127.0.0.1')).toEqual(ip('::ffff:7f00:1'));
    expect(ip('fe80::1%eth0')).toEqual(ip('fe80::1'));
    expect(ip('2001:db8::')).toEqual({ family: 6, value: 0x20010db8n << 96n });
  });

  it('rejects hostnames and malformed literals', () => {
    expect(parseIp('localhost')).toBeNull();
    expect(parseIp('256.0.0.1')).toBeNull();
    expect(parseIp('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
});

describe('parseCidr', () => {
  it('masks host bits and accepts bare addresses as single hosts', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual(parseCidr('10.0.0.0/8'));
    expect(parseCidr('127.0.0.1')).toEqual({ family: 4, network: 0x7f000001n, prefix: 32 });
    expect(parseCidr('::1')).toEqual({ family: 6, network: 1n, prefix: 128 });
  });

  it('rejects invalid prefixes and addresses', () => {
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/-1', '10.0.0.0/8/8', 'example.com/8', '10.0.0.0/']) {
      expect(parseCidr(bad), bad).toBeNull();
    }
    expect(() => parseCidrOrThrow('10.0.0/8')).toThrow(TypeError);
  });
});

describe('cidrContains', () => {
  it('matches IPv4 ranges at their edges', () => {
    const range = parseCidrOrThrow('172.16.0.0/12');
    expect(cidrContains(range, ip('172.16.0.0'))).toBe(true);
    expect(cidrContains(range, ip('172.31.255.255'))).toBe(true);
    expect(cidrContains(range, ip('172.32.0.0'))).toBe(false);
    expect(cidrContains(range, ip('172.15.255.255'))).toBe(false);
  });

  it('matches IPv6 ranges and never crosses families', () => {
    const linkLocal = parseCidrOrThrow('fe80::/10');
    expect(cidrContains(linkLocal, ip('febf:ffff::1'))).toBe(true);
    expect(cidrContains(linkLocal, ip('fec0::1'))).toBe(false);
    expect(cidrContains(parseCidrOrThrow('::/0'), ip('1.2.3.4'))).toBe(false);
    expect(cidrContains(parseCidrOrThrow('0.0.0.0/0'), ip('::1'))).toBe(false);
  });

  it('agrees with node:net BlockList for random IPv4 ranges and addresses', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), fc.ipV4(), (network, prefix, address) => {
        const oracle = new BlockList();
        oracle.addSubnet(network, prefix, 'ipv4');
        expect(cidrContains(parseCidrOrThrow(`${network}/${prefix}`), ip(address))).toBe(oracle.check(address, 'ipv4'));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with node:net BlockList for random IPv6 ranges, near and far addresses', () => {
    const sameRangeOrNot = fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 }), fc.ipV6(), fc.boolean());
    fc.assert(
      fc.property(sameRangeOrNot, ([network, prefix, other, useNetwork]) => {
        // Half the time test an address that is the network itself, to exercise the "inside" branch.
        const address = useNetwork ? network : other;
        const oracle = new BlockList();
        oracle.addSubnet(network, prefix, 'ipv6');
        expect(cidrContains(parseCidrOrThrow(`${network}/${prefix}`), ip(address))).toBe(oracle.check(address, 'ipv6'));
      }),
      { numRuns: 500 },
    );
  });
});
