// Security groups as nftables chains. One chain per ENI and direction holds the allow rules of all the
// ENI's groups; a matching rule returns (the packet passes the SGs), the end of the chain drops. The
// chains are only entered for packets that start a connection: the caller accepts tracked replies first
// (conntrack), which is what makes SGs stateful. The peer is the destination for egress rules and the
// source for ingress rules; a CIDR, a prefix list's entries, or the members of a referenced group.
import { isIpv4Cidr, type World } from '../world';
import { addressMatch } from './address-match';
import { sgMemberAddresses } from './address-sets';
import { nftComment, sgRuleMatch } from './nft-match';

export function sgChainRules(world: World, groupIds: readonly string[], isEgress: boolean, blockComment: string): string[] {
  const field = isEgress ? 'daddr' : 'saddr';
  const lines: string[] = [];
  for (const gid of groupIds) {
    for (const rule of world.ec2.securityGroups.get(gid)?.rules ?? []) {
      if (rule.isEgress !== isEgress) continue;
      const proto = sgRuleMatch(rule);
      if (proto === null) continue;
      const peers =
        rule.cidrIpv4 !== undefined
          ? [rule.cidrIpv4]
          : rule.prefixListId !== undefined
            ? (world.ec2.prefixLists.get(rule.prefixListId)?.entries ?? []).map((e) => e.cidr).filter(isIpv4Cidr)
            : rule.referencedGroupId !== undefined
              ? sgMemberAddresses(world, rule.referencedGroupId)
              : [];
      const peer = addressMatch(field, peers);
      if (peer === null) continue;
      lines.push([peer, proto, 'return', nftComment(rule.securityGroupRuleId)].filter(Boolean).join(' '));
    }
  }
  lines.push(`counter drop ${nftComment(blockComment)}`);
  return lines;
}

/** A chain definition. */
export function chain(name: string, body: readonly string[]): string {
  return `  chain ${name} {\n${body.map((l) => `    ${l}\n`).join('')}  }\n`;
}

/** The whole `inet vmc_reach` table, replacing any earlier one atomically. */
export function nftTableText(chains: readonly string[]): string {
  return `table inet vmc_reach\ndelete table inet vmc_reach\ntable inet vmc_reach {\n${chains.join('')}}\n`;
}
