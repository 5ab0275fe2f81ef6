// Security groups of one ENI, compiled for one direction and one packet: IPv4 CIDR and prefix-list rules
// in a prefix table, group references in a map. Any rule of any group may allow (SGs only allow). IPv6
// ranges and the IPv6 entries of prefix lists never match an IPv4 packet. What the data cannot decide (a
// group the ENI wears but the export lacks, a referenced group outside the export, a prefix list without
// its entries) is kept apart: it can only make a rule *possibly* match, so it matters only when no rule
// definitely allows.
import type { SecurityGroupRule, World } from '../world';
import { isIpv4Cidr } from '../world';
import { sgRuleCovers } from './packet-match';
import { PrefixTable } from './prefix-table';
import type { Packet } from './flow';
import { prefixListMissing, prefixListUnknown, referencedGroupMissing, securityGroupMissing, type MissingDatum } from './missing-data';

export interface SgMatcher {
  /** The first rule (in group, then rule order) that definitely admits a peer with this IP and these groups. */
  match(peerIp: number, peerGroups: readonly string[]): SecurityGroupRule | null;
  /** When `match` found nothing: what might still allow, had the data held it (empty when nothing could). */
  possible(peerIp: number, peerGroups: readonly string[]): readonly MissingDatum[];
}

/** Nothing the data lacks could allow (one array for every matcher, never changed). */
const nothingPossible: readonly MissingDatum[] = [];

export function compileSgMatcher(world: World, groupIds: readonly string[], isEgress: boolean, packet: Packet): SgMatcher {
  const cidrs = new PrefixTable<SecurityGroupRule>();
  const refs = new Map<string, { rule: SecurityGroupRule; order: number }>();
  const unknown: MissingDatum[] = [];
  const unknownRefs: SecurityGroupRule[] = [];
  let order = 0;
  for (const gid of groupIds) {
    const sg = world.ec2.securityGroups.get(gid);
    if (!sg) {
      unknown.push(securityGroupMissing(gid, `this ENI (groups ${groupIds.join(', ')})`));
      continue;
    }
    for (const rule of sg.rules) {
      order++;
      if (rule.isEgress !== isEgress || !sgRuleCovers(rule, packet)) continue;
      if (rule.cidrIpv4 !== undefined) cidrs.add(rule.cidrIpv4, rule, order);
      if (rule.referencedGroupId !== undefined) {
        if (!refs.has(rule.referencedGroupId)) refs.set(rule.referencedGroupId, { rule, order });
        if (!world.ec2.securityGroups.has(rule.referencedGroupId)) unknownRefs.push(rule);
      }
      if (rule.prefixListId !== undefined) {
        const list = world.ec2.prefixLists.get(rule.prefixListId);
        if (prefixListUnknown(list))
          unknown.push(prefixListMissing(world, rule.prefixListId, `rule ${rule.securityGroupRuleId} of ${rule.groupId}`, rule));
        for (const e of list?.entries ?? []) if (isIpv4Cidr(e.cidr)) cidrs.add(e.cidr, rule, order);
      }
    }
  }
  return {
    match(peerIp, peerGroups) {
      let best = cidrs.first(peerIp);
      for (const g of peerGroups) {
        const r = refs.get(g);
        if (r && (!best || r.order < best.order)) best = { value: r.rule, order: r.order };
      }
      return best?.value ?? null;
    },
    possible(_peerIp, peerGroups) {
      if (unknown.length === 0 && unknownRefs.length === 0) return nothingPossible; // the usual case, once per blocked flow
      // A peer that wears a referenced group is a member whether or not the group is exported (match() has it).
      return [...unknown, ...unknownRefs.filter((r) => !peerGroups.includes(r.referencedGroupId!)).map(referencedGroupMissing)];
    },
  };
}

/** One line describing a rule, for hop details. */
export function describeSgRule(rule: SecurityGroupRule): string {
  const proto =
    rule.ipProtocol === '-1'
      ? 'all traffic'
      : rule.ipProtocol === 'icmp'
        ? `icmp ${rule.fromPort}/${rule.toPort}`
        : `${rule.ipProtocol} ${rule.fromPort}-${rule.toPort}`;
  const peer =
    rule.cidrIpv4 ??
    rule.cidrIpv6 ??
    (rule.referencedGroupId ? `members of ${rule.referencedGroupId}` : `prefix list ${rule.prefixListId}`);
  return `${rule.securityGroupRuleId}: ${rule.isEgress ? 'outbound' : 'inbound'} ${proto} ${rule.isEgress ? 'to' : 'from'} ${peer}`;
}
