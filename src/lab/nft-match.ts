// nftables match expressions for the protocol part of the world's filter rules, in their three dialects
// (security group rules, NACL entries; NSX service entries are in compile-services.ts) plus guest firewall rules. Each returns the
// expression text (empty = any packet), or null when the rule can match no IPv4 packet (so it is left out).
// The meaning follows src/network/packet-match.ts: ICMP type/code -1 is "any", ports are ranges.
import type { GuestFirewall, NaclEntry, SecurityGroupRule } from '../world';

const protocolNames: Record<string, 'icmp' | 'tcp' | 'udp'> = {
  icmp: 'icmp',
  '1': 'icmp',
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
};

export function icmpMatch(type: number | undefined, code: number | undefined): string {
  const parts = ['ip protocol icmp'];
  if (type !== undefined && type !== -1) parts.push(`icmp type ${type}`);
  if (code !== undefined && code !== -1) parts.push(`icmp code ${code}`);
  return parts.join(' ');
}

function portMatch(proto: 'tcp' | 'udp', from: number, to: number): string | null {
  if (from > to) return null;
  if (from <= 0 && to >= 65535) return `meta l4proto ${proto}`;
  return `${proto} dport ${from === to ? from : `${from}-${to}`}`;
}

function numberedProtocol(proto: string): string | null {
  return /^\d+$/.test(proto) && Number(proto) <= 255 ? `meta l4proto ${proto}` : null;
}

/** A security group rule's protocol and ports (ICMP: fromPort is the type, toPort the code). */
export function sgRuleMatch(rule: Pick<SecurityGroupRule, 'ipProtocol' | 'fromPort' | 'toPort'>): string | null {
  if (rule.ipProtocol === '-1') return '';
  const p = protocolNames[rule.ipProtocol.toLowerCase()];
  if (p === 'icmp') return icmpMatch(rule.fromPort, rule.toPort);
  if (p) return portMatch(p, rule.fromPort, rule.toPort);
  if (rule.ipProtocol === '58' || rule.ipProtocol.toLowerCase() === 'icmpv6') return null;
  return numberedProtocol(rule.ipProtocol);
}

/** A NACL entry's protocol number, ICMP type/code and port range. */
export function naclEntryMatch(entry: Pick<NaclEntry, 'protocol' | 'icmpTypeCode' | 'portRange'>): string | null {
  if (entry.protocol === '-1') return '';
  if (entry.protocol === '1') return icmpMatch(entry.icmpTypeCode?.type, entry.icmpTypeCode?.code);
  if (entry.protocol === '6' || entry.protocol === '17') {
    const r = entry.portRange ?? { from: 0, to: 65535 };
    return portMatch(entry.protocol === '6' ? 'tcp' : 'udp', r.from, r.to);
  }
  if (entry.protocol === '58') return null;
  return numberedProtocol(entry.protocol);
}

/** A guest firewall rule's protocol, port and source. */
export function guestRuleMatch(rule: GuestFirewall['rules'][number]): string | null {
  const parts: string[] = [];
  if (rule.sourceCidr !== undefined) parts.push(`ip saddr ${rule.sourceCidr}`);
  if (rule.protocol === 'icmp') {
    if (rule.port !== undefined && rule.port !== -1) return null; // ICMP carries no port
    parts.push('ip protocol icmp');
  } else if (rule.protocol === 'tcp' || rule.protocol === 'udp') {
    parts.push(rule.port === undefined ? `meta l4proto ${rule.protocol}` : `${rule.protocol} dport ${rule.port}`);
  } else if (rule.port !== undefined) {
    parts.push(`meta l4proto { tcp, udp } th dport ${rule.port}`);
  }
  return parts.join(' ');
}

/** An nftables identifier made from a world id (`sg-0abc` → `sg_0abc`). */
export const nftName = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, '_');

/** A quoted nftables comment (quotes and backslashes dropped). */
export const nftComment = (text: string): string => `comment "${text.replace(/["\\]/g, '').slice(0, 120)}"`;

/** An anonymous or named set body for addresses (IPs, CIDRs, ranges `a-b`); empty → null. */
export function addressElements(addresses: readonly string[]): string | null {
  const unique = [...new Set(addresses)];
  return unique.length === 0 ? null : unique.join(', ');
}
