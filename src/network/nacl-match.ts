// A network ACL compiled for one direction and one packet: its entries in rule-number order, the first
// whose CIDR holds the peer decides. Stateless: replies are evaluated as packets of their own. Packets
// are IPv4, so IPv6 entries (`Ipv6CidrBlock`, AWS's own `*` at 32768) never decide.
import type { NaclEntry, NetworkAcl } from '../world';
import { cidrContainsIp, parseCidr, type Cidr } from '../world/cidr';
import { naclEntryCovers } from './packet-match';
import type { Packet } from './flow';

export interface NaclMatcher {
  /** The deciding entry for a packet to (outbound) or from (inbound) `peerIp`. */
  match(peerIp: number): NaclEntry | null;
}

export function compileNaclMatcher(acl: NetworkAcl, egress: boolean, packet: Packet): NaclMatcher {
  const entries: { cidr: Cidr; entry: NaclEntry }[] = acl.entries
    .filter((e) => e.egress === egress && e.cidrBlock !== undefined && naclEntryCovers(e, packet))
    .sort((a, b) => a.ruleNumber - b.ruleNumber)
    .map((entry) => ({ cidr: parseCidr(entry.cidrBlock!), entry }));
  return {
    match(peerIp) {
      for (const e of entries) if (cidrContainsIp(e.cidr, peerIp)) return e.entry;
      return null;
    },
  };
}

export const describeNaclEntry = (e: NaclEntry): string =>
  `rule ${e.ruleNumber >= 32767 ? '*' : e.ruleNumber}: ${e.ruleAction} ${e.protocol === '-1' ? 'all' : `protocol ${e.protocol}`} ${e.egress ? 'to' : 'from'} ${e.cidrBlock ?? e.ipv6CidrBlock ?? '?'}`;
