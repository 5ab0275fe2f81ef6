// The protocol part of each rule dialect as nftables matches.
import { guestRuleMatch, naclEntryMatch, sgRuleMatch } from './nft-match';

describe('security group rules', () => {
  test('all traffic matches every packet', () => expect(sgRuleMatch({ ipProtocol: '-1', fromPort: -1, toPort: -1 })).toBe(''));
  test('ICMP: fromPort is the type, toPort the code, -1 any', () => {
    expect(sgRuleMatch({ ipProtocol: 'icmp', fromPort: 8, toPort: -1 })).toBe('ip protocol icmp icmp type 8');
    expect(sgRuleMatch({ ipProtocol: '1', fromPort: -1, toPort: -1 })).toBe('ip protocol icmp');
  });
  test('TCP/UDP port ranges; the full range is the protocol alone', () => {
    expect(sgRuleMatch({ ipProtocol: 'tcp', fromPort: 443, toPort: 443 })).toBe('tcp dport 443');
    expect(sgRuleMatch({ ipProtocol: '17', fromPort: 1024, toPort: 65535 })).toBe('udp dport 1024-65535');
    expect(sgRuleMatch({ ipProtocol: 'tcp', fromPort: 0, toPort: 65535 })).toBe('meta l4proto tcp');
  });
  test('ICMPv6 can match no IPv4 packet: the rule is left out', () =>
    expect(sgRuleMatch({ ipProtocol: '58', fromPort: -1, toPort: -1 })).toBeNull());
});

describe('NACL entries', () => {
  test('ICMP type and code from IcmpTypeCode', () =>
    expect(naclEntryMatch({ protocol: '1', icmpTypeCode: { type: 0, code: -1 } })).toBe('ip protocol icmp icmp type 0'));
  test('TCP without a port range covers every port', () => expect(naclEntryMatch({ protocol: '6' })).toBe('meta l4proto tcp'));
  test('another protocol number matches only that protocol', () => expect(naclEntryMatch({ protocol: '47' })).toBe('meta l4proto 47'));
});

describe('guest firewall rules', () => {
  test('a source CIDR and a protocol', () =>
    expect(guestRuleMatch({ action: 'drop', protocol: 'icmp', sourceCidr: '10.0.0.0/16' })).toBe('ip saddr 10.0.0.0/16 ip protocol icmp'));
  test('a port on "all" means TCP or UDP to that port, never ICMP', () =>
    expect(guestRuleMatch({ action: 'allow', protocol: 'all', port: 22 })).toBe('meta l4proto { tcp, udp } th dport 22'));
  test('an ICMP rule with a port can never match', () =>
    expect(guestRuleMatch({ action: 'allow', protocol: 'icmp', port: 22 })).toBeNull());
});
