import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyBudget } from '../propertyBudget';
import {
  canonicalIp,
  cidrContains,
  cidrInside,
  cidrsOverlap,
  hasHostBits,
  hostBits,
  ipFamily,
  ipInCidr,
  isUnspecified,
  isValidIp,
  maskedPrefix,
  parseCidr,
  parseIp,
  sameIp,
} from '../../../src/model/address';

const cidr = (s: string) => {
  const c = parseCidr(s);
  assert.ok(c, s);
  return c;
};

describe('address math', () => {
  it('parses IPs strictly (four-part decimal IPv4 only)', () => {
    assert.equal(ipFamily('10.0.0.1'), 'ipv4');
    assert.equal(ipFamily('fd00::1'), 'ipv6');
    for (const bad of ['10', '0x0a.0.0.1', '10.0.0', '10.0.0.256', '10.0.0.1/8', 'fe80::1%eth0', '', 'host'])
      assert.equal(parseIp(bad), undefined, bad);
  });

  it('parses CIDRs and rejects bare addresses and bad prefixes', () => {
    assert.deepEqual([cidr('10.0.0.0/8').family, cidr('10.0.0.0/8').prefix], ['ipv4', 8]);
    for (const bad of ['10.0.0.0', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/-1', '10.0.0.0/a', '/8'])
      assert.equal(parseCidr(bad), undefined, bad);
  });

  it('computes host bits and masked prefixes', () => {
    assert.equal(hostBits(cidr('10.1.0.0/16')), 16);
    assert.equal(hasHostBits(cidr('10.1.2.3/16')), true);
    assert.equal(hasHostBits(cidr('10.1.0.0/16')), false);
    assert.equal(maskedPrefix(cidr('10.1.2.3/16')), '10.1.0.0/16');
    assert.equal(maskedPrefix(cidr('172.28.5.1/20')), '172.28.0.0/20');
    assert.equal(maskedPrefix(cidr('fd00:1:2:3::5/48')), 'fd00:1:2::/48');
    assert.equal(maskedPrefix(cidr('0.0.0.0/0')), '0.0.0.0/0');
  });

  it('answers contains, inside and overlaps, never across families', () => {
    assert.equal(ipInCidr('10.1.255.255', '10.1.0.0/16'), true);
    assert.equal(ipInCidr('10.2.0.0', '10.1.0.0/16'), false);
    assert.equal(ipInCidr('::ffff:10.1.0.1', '10.1.0.0/16'), false);
    assert.equal(ipInCidr('x', '10.1.0.0/16'), undefined);
    assert.equal(cidrInside(cidr('10.1.5.0/24'), cidr('10.1.0.0/16')), true);
    assert.equal(cidrInside(cidr('10.0.0.0/8'), cidr('10.1.0.0/16')), false);
    // Same start address, wider prefix: the address is inside, the block is not.
    assert.equal(cidrInside(cidr('10.0.0.0/8'), cidr('10.0.0.0/16')), false);
    assert.equal(cidrInside(cidr('fd00::/48'), cidr('fd00::/64')), false);
    assert.equal(cidrsOverlap(cidr('10.0.0.0/8'), cidr('10.1.0.0/16')), true);
    assert.equal(cidrsOverlap(cidr('10.1.0.0/17'), cidr('10.1.128.0/17')), false);
    assert.equal(cidrsOverlap(cidr('fd00::/8'), cidr('10.0.0.0/8')), false);
    assert.equal(cidrContains(cidr('fd00::/64'), parseIp('fd00::abcd')!), true);
  });

  it('compares and canonicalizes addresses', () => {
    assert.equal(sameIp('fd00:0:0::1', 'fd00::1'), true);
    assert.equal(sameIp('10.0.0.1', '10.0.0.2'), false);
    assert.equal(canonicalIp('FD00:0::1'), 'fd00::1');
    assert.equal(isUnspecified('0.0.0.0'), true);
    assert.equal(isUnspecified('::'), true);
    assert.equal(isUnspecified('127.0.0.1'), false);
  });

  it('trims what the user typed, and refuses a prefix with trailing junk or a missing address on either side', () => {
    assert.equal(isValidIp(' 10.0.0.1 '), true);
    assert.equal(isValidIp('host'), false);
    assert.equal(ipFamily(' fd00::1 '), 'ipv6');
    assert.equal(ipFamily('not-an-ip'), undefined);
    assert.deepEqual([cidr(' 10.2.0.0/16 ').prefix, cidr(' fd00::/64 ').family], [16, 'ipv6']);
    assert.equal(parseCidr('10.0.0.0/8x'), undefined);
    assert.equal(sameIp('bad', 'bad'), false);
    assert.equal(sameIp('10.0.0.1', 'bad'), false);
    assert.equal(sameIp('bad', '10.0.0.1'), false);
    assert.equal(cidrInside(cidr('10.1.0.0/16'), cidr('10.1.0.0/16')), true, 'a range as wide as its subnet');
  });

  it('overlap agrees with an interval oracle (property)', () => {
    const v4 = fc.tuple(fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 }));
    const toText = ([n, p]: [number, number]) => `${[24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.')}/${p}`;
    const interval = ([n, p]: [number, number]) => {
      const size = 2 ** (32 - p);
      const start = Math.floor(n / size) * size;
      return [start, start + size - 1];
    };
    fc.assert(
      fc.property(v4, v4, (a, b) => {
        const [as, ae] = interval(a);
        const [bs, be] = interval(b);
        assert.equal(cidrsOverlap(cidr(toText(a)), cidr(toText(b))), as <= be && bs <= ae);
        assert.equal(maskedPrefix(cidr(toText(a))), toText([as, a[1]]));
      }),
      propertyBudget(500),
    );
  });
});
