// The SDDC edge's nftables: on the cross-link (`xlink`), the active cross-link ENI's security groups
// (ingress for packets entering the SDDC, egress for packets leaving it; stateful) and the compute
// gateway firewall: the rules whose Applied To covers the VPC interface, direction IN (entering) or
// OUT (leaving) or IN_OUT, enabled and not IPv6-only, in ascending sequence number; the first rule whose
// source, destination and service (services and service entries: compile-services.ts) match decides
// (ALLOW returns, DROP drops, REJECT rejects: a TCP RST for TCP, ICMP admin-prohibited otherwise); no
// match is the default uplink drop. Stateful: replies of a connection the CGW let through pass.
import type { CgwRule, World } from '../world';
import { listCgwRules } from '../world';
import { vpcInterfaceScopes } from '../network/cgw-match';
import { addressMatch } from './address-match';
import { CgwGroupRealizer } from './address-sets';
import { nftComment } from './nft-match';
import { rejectLines, ruleServiceMatches } from './compile-services';
import { chain, nftTableText, sgChainRules } from './nft-security-groups';
import { crossLinkIfname, type LabTopology } from './lab-topology';

function verdictLines(prefix: string, rule: CgwRule): string[] {
  const comment = nftComment(`${rule.path} seq ${rule.sequenceNumber}`);
  if (rule.action === 'REJECT') return rejectLines(prefix, comment);
  return [[prefix, rule.action === 'ALLOW' ? 'return' : 'counter drop', comment].filter(Boolean).join(' ')];
}

function cgwChainRules(world: World, realizer: CgwGroupRealizer, direction: 'IN' | 'OUT'): string[] {
  const lines: string[] = [];
  const rules = listCgwRules(world).filter(
    (r) =>
      !r.disabled &&
      r.ipProtocol !== 'IPV6' &&
      (r.direction === 'IN_OUT' || r.direction === direction) &&
      r.scope.some((s) => vpcInterfaceScopes.has(s)),
  );
  for (const rule of rules) {
    const src = realizer.side(rule.sourceGroups);
    const dst = realizer.side(rule.destinationGroups);
    if ((src.any && rule.sourcesExcluded) || (dst.any && rule.destinationsExcluded)) continue; // NOT ANY matches nothing
    const s = src.any ? '' : addressMatch('saddr', src.addresses, rule.sourcesExcluded);
    const d = dst.any ? '' : addressMatch('daddr', dst.addresses, rule.destinationsExcluded);
    if (s === null || d === null) continue;
    for (const svc of ruleServiceMatches(world, rule)) lines.push(...verdictLines([s, d, svc].filter(Boolean).join(' '), rule));
  }
  lines.push(`counter drop ${nftComment(`CGW_DEFAULT_DROP ${direction}`)}`);
  return lines;
}

export function sddcEdgeNft(world: World, topo: LabTopology): string {
  const chains: string[] = [];
  const forward = ['type filter hook forward priority filter; policy accept;', 'ct state established,related accept'];
  if (topo.crossLink) {
    const groups = topo.crossLink.eni.groupIds;
    const id = topo.crossLink.eni.networkInterfaceId;
    const realizer = new CgwGroupRealizer(world);
    chains.push(
      chain('eni_sg_ingress', sgChainRules(world, groups, false, `ENI_SG_INGRESS_NO_MATCH ${id}`)),
      chain('eni_sg_egress', sgChainRules(world, groups, true, `ENI_SG_EGRESS_NO_MATCH ${id}`)),
      chain('cgw_in', cgwChainRules(world, realizer, 'IN')),
      chain('cgw_out', cgwChainRules(world, realizer, 'OUT')),
    );
    const x = `"${crossLinkIfname}"`;
    forward.push(
      `iifname ${x} jump eni_sg_ingress`,
      `iifname ${x} jump cgw_in`,
      `oifname ${x} jump cgw_out`,
      `oifname ${x} jump eni_sg_egress`,
    );
  }
  chains.push(chain('forward', forward));
  return nftTableText(chains);
}
