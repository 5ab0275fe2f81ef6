// Security groups of one ENI, compiled for one direction and one packet: CIDR and prefix-list rules in
// a prefix table, group references in a map. Any rule of any group may allow (SGs only allow).
import type { SecurityGroupRule, World } from '../world';
import { sgRuleCovers } from './packet-match';
import { PrefixTable } from './prefix-table';
import type { Packet } from './flow';

export interface SgMatcher {
  /** The first rule (in group, then rule order) that admits a peer with this IP and these groups. */
  match(peerIp: number, peerGroups: readonly string[]): SecurityGroupRule | null;
}

export function compileSgMatcher(world: World, groupIds: readonly string[], isEgress: boolean, packet: Packet): SgMatcher {
  const cidrs = new PrefixTable<SecurityGroupRule>();
  const refs = new Map<string, { rule: SecurityGroupRule; order: number }>();
  let order = 0;
  for (const gid of groupIds) {
    const sg = world.ec2.securityGroups.get(gid);
    if (!sg) continue;
    for (const rule of sg.rules) {
      order++;
      if (rule.isEgress !== isEgress || !sgRuleCovers(rule, packet)) continue;
      if (rule.cidrIpv4 !== undefined) cidrs.add(rule.cidrIpv4, rule, order);
      if (rule.referencedGroupId !== undefined && !refs.has(rule.referencedGroupId)) refs.set(rule.referencedGroupId, { rule, order });
      if (rule.prefixListId !== undefined) {
        for (const e of world.ec2.prefixLists.get(rule.prefixListId)?.entries ?? []) cidrs.add(e.cidr, rule, order);
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
  };
}

/** One line describing a rule, for hop details. */
export function describeSgRule(rule: SecurityGroupRule): string {
  const proto = rule.ipProtocol === '-1' ? 'all traffic' : rule.ipProtocol === 'icmp' ? `icmp ${rule.fromPort}/${rule.toPort}` : `${rule.ipProtocol} ${rule.fromPort}-${rule.toPort}`;
  const peer = rule.cidrIpv4 ?? (rule.referencedGroupId ? `members of ${rule.referencedGroupId}` : `prefix list ${rule.prefixListId}`);
  return `${rule.securityGroupRuleId}: ${rule.isEgress ? 'outbound' : 'inbound'} ${proto} ${rule.isEgress ? 'to' : 'from'} ${peer}`;
}
