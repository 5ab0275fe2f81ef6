// Does a filter entry's protocol/port/ICMP spec cover a packet? Security group rules (`icmp`, `-1`, ports
// or ICMP type/code in from/to) and NACL entries (protocol numbers, IcmpTypeCode, PortRange). NSX service
// entries are in nsx-service-match.ts.
import type { NaclEntry, SecurityGroupRule } from '../world';
import { ianaProtocol, type Packet } from './flow';

const anyOr = (want: number, have: number): boolean => want === -1 || want === have;

export function sgRuleCovers(rule: SecurityGroupRule, p: Packet): boolean {
  const proto = rule.ipProtocol;
  if (proto === '-1') return true;
  const number = String(ianaProtocol[p.protocol]);
  if (p.protocol === 'icmp') {
    if (proto !== 'icmp' && proto !== number) return false;
    return anyOr(rule.fromPort, p.icmpType) && anyOr(rule.toPort, p.icmpCode);
  }
  if (proto !== p.protocol && proto !== number) return false;
  return rule.fromPort <= p.port && p.port <= rule.toPort;
}

export function naclEntryCovers(entry: NaclEntry, p: Packet): boolean {
  if (entry.protocol === '-1') return true;
  if (entry.protocol !== String(ianaProtocol[p.protocol])) return false;
  if (p.protocol === 'icmp') {
    const tc = entry.icmpTypeCode ?? { type: -1, code: -1 };
    return anyOr(tc.type, p.icmpType) && anyOr(tc.code, p.icmpCode);
  }
  const r = entry.portRange ?? { from: 0, to: 65535 };
  return r.from <= p.port && p.port <= r.to;
}
