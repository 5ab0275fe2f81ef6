// Unit tests for IPv4 address and CIDR arithmetic.
import fc from 'fast-check';
import {
  awsUsableRange,
  cidrContains,
  cidrsOverlap,
  formatCidr,
  inCidr,
  ipToNumber,
  isIpv4,
  isIpv4Cidr,
  numberToIp,
  parseCidr,
  parseIpRange,
} from './cidr';

describe('isIpv4 / isIpv4Cidr', () => {
  it('accepts dotted quads and CIDRs (host bits allowed, as SG rules accept)', () => {
    expect(isIpv4('10.0.0.1')).toBe(true);
    expect(isIpv4Cidr('10.0.0.0/16')).toBe(true);
    expect(isIpv4Cidr('10.0.3.7/16')).toBe(true);
    expect(isIpv4Cidr('0.0.0.0/0')).toBe(true);
  });

  it('rejects malformed text', () => {
    for (const bad of ['10.0.0', '10.0.0.256', '1.2.3.4/33', '1.2.3.4', '1.2.3.4/', 'fe80::/64', '10.0.0.0/16 ', 'abc']) {
      expect(isIpv4Cidr(bad)).toBe(false);
    }
    expect(isIpv4('10.0.0.0/8')).toBe(false);
    expect(isIpv4('0x0a.0.0.1')).toBe(false);
  });
});

describe('ipToNumber / numberToIp', () => {
  it('round-trip every 32-bit value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => expect(ipToNumber(numberToIp(n))).toBe(n)));
  });

  it('numbers the top address as an unsigned value', () => {
    expect(ipToNumber('255.255.255.255')).toBe(0xffffffff);
  });

  it('throws a RangeError on a non-address', () => {
    expect(() => ipToNumber('10.0.0.0/8')).toThrow(RangeError);
  });
});

describe('parseCidr', () => {
  it('masks host bits and formats back', () => {
    expect(formatCidr(parseCidr('10.0.3.7/16'))).toBe('10.0.0.0/16');
    expect(formatCidr(parseCidr('192.168.100.1/24'))).toBe('192.168.100.0/24');
  });

  it('reads a bare address as a /32', () => {
    expect(parseCidr('10.1.2.3')).toEqual({ network: ipToNumber('10.1.2.3'), prefix: 32 });
  });

  it('handles /0 and /32', () => {
    expect(formatCidr(parseCidr('8.8.8.8/0'))).toBe('0.0.0.0/0');
    expect(formatCidr(parseCidr('8.8.8.8/32'))).toBe('8.8.8.8/32');
  });

  it('rejects a bad prefix', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.0/8/8', '10.0.0.0/-1', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/1.5']) {
      expect(() => parseCidr(bad)).toThrow(RangeError);
    }
  });
});

describe('containment and overlap', () => {
  it('a /24 inside a /16 is contained and overlaps; the reverse is not contained', () => {
    const outer = parseCidr('10.0.0.0/16');
    const inner = parseCidr('10.0.5.0/24');
    expect(cidrContains(outer, inner)).toBe(true);
    expect(cidrContains(inner, outer)).toBe(false);
    expect(cidrsOverlap(inner, outer)).toBe(true);
  });

  it('disjoint networks do not overlap', () => {
    expect(cidrsOverlap(parseCidr('10.0.0.0/24'), parseCidr('10.0.1.0/24'))).toBe(false);
  });

  it('inCidr checks the boundaries', () => {
    expect(inCidr('192.168.100.0', '192.168.100.0/24')).toBe(true);
    expect(inCidr('192.168.100.255', '192.168.100.0/24')).toBe(true);
    expect(inCidr('192.168.101.0', '192.168.100.0/24')).toBe(false);
    expect(inCidr('1.2.3.4', '0.0.0.0/0')).toBe(true);
  });

  it('overlap is symmetric', () => {
    const cidr = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
      .map(([n, p]) => parseCidr(`${numberToIp(n)}/${p}`));
    fc.assert(fc.property(cidr, cidr, (a, b) => expect(cidrsOverlap(a, b)).toBe(cidrsOverlap(b, a))));
  });
});

describe('parseIpRange', () => {
  it('parses a dash range into inclusive bounds', () => {
    expect(parseIpRange('10.1.1.1-10.1.1.9')).toEqual({ first: ipToNumber('10.1.1.1'), last: ipToNumber('10.1.1.9') });
  });

  it('returns undefined for anything else', () => {
    expect(parseIpRange('10.1.1.1')).toBeUndefined();
    expect(parseIpRange('10.1.1.0/24')).toBeUndefined();
    expect(parseIpRange('10.1.1.1-x')).toBeUndefined();
  });
});

describe('awsUsableRange', () => {
  it('skips the network address, the three reserved by AWS and the broadcast address', () => {
    const r = awsUsableRange(parseCidr('10.0.1.0/24'));
    expect(numberToIp(r.first)).toBe('10.0.1.4');
    expect(numberToIp(r.last)).toBe('10.0.1.254');
  });

  it('leaves 11 usable addresses in a /28', () => {
    const r = awsUsableRange(parseCidr('10.0.1.16/28'));
    expect(r.last - r.first + 1).toBe(11);
  });
});
