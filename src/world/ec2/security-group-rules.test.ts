// Unit tests for the security group rule values: protocol names, port defaults and ICMP type/code ranges.
import { catchWorldError } from '../test-support';
import { normalizeProtocol, permissionPorts } from './security-group-rules';

describe('normalizeProtocol', () => {
  it('stores icmp/tcp/udp by name and all as -1, whatever the spelling', () => {
    expect(['ICMP', '1', 'tcp', '6', 'udp', '17', 'all', '-1'].map(normalizeProtocol)).toEqual([
      'icmp',
      'icmp',
      'tcp',
      'tcp',
      'udp',
      'udp',
      '-1',
      '-1',
    ]);
  });

  it('keeps other protocol numbers up to 255', () => {
    expect(normalizeProtocol('58')).toBe('58');
    expect(normalizeProtocol('255')).toBe('255');
  });

  it('rejects unknown names and numbers above 255', () => {
    for (const p of ['256', 'gre', '']) {
      const err = catchWorldError(() => normalizeProtocol(p));
      expect(err.code).toBe('InvalidParameterValue');
      expect(err.message).toBe(`Invalid value '${p}' for IP protocol. Unknown protocol.`);
    }
  });
});

describe('permissionPorts', () => {
  it('gives all protocols -1/-1 whatever ports were sent', () => {
    expect(permissionPorts('-1', 22, 22)).toEqual({ fromPort: -1, toPort: -1 });
  });

  it('reads ICMP ports as type and code, defaulting to -1 (any)', () => {
    expect(permissionPorts('icmp', 8, 0)).toEqual({ fromPort: 8, toPort: 0 });
    expect(permissionPorts('icmp')).toEqual({ fromPort: -1, toPort: -1 });
    expect(permissionPorts('icmp', 255, 255)).toEqual({ fromPort: 255, toPort: 255 });
  });

  it('rejects an ICMP type or code outside -1..255', () => {
    for (const [type, code] of [
      [-2, 0],
      [256, 0],
      [8, -2],
      [8, 256],
    ] as const) {
      const err = catchWorldError(() => permissionPorts('icmp', type, code));
      expect(err.code).toBe('InvalidParameterValue');
      expect(err.message).toBe(`ICMP type ${type} code ${code} is out of range.`);
    }
  });

  it('requires both ports for TCP and UDP', () => {
    const err = catchWorldError(() => permissionPorts('tcp', 22));
    expect(err.code).toBe('MissingParameter');
    expect(err.message).toContain('fromPort and toPort for protocol tcp');
  });

  it('rejects an inverted or out-of-range TCP/UDP port range', () => {
    for (const [from, to] of [
      [443, 80],
      [-1, 80],
      [0, 65536],
    ] as const) {
      const err = catchWorldError(() => permissionPorts('udp', from, to));
      expect(err.code).toBe('InvalidParameterValue');
      expect(err.message).toBe(`Invalid port range ${from}-${to} for protocol udp.`);
    }
  });

  it('accepts the full TCP range', () => {
    expect(permissionPorts('tcp', 0, 65535)).toEqual({ fromPort: 0, toPort: 65535 });
  });
});

test('icmpv6 is stored by its protocol number, as EC2 does', () => {
  expect(normalizeProtocol('icmpv6')).toBe('58');
});
