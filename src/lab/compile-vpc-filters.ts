// The VPC router's nftables: network ACLs as stateless filters where a packet crosses a subnet boundary
// (leaving its subnet: the subnet's outbound entries; entering one: its inbound entries; nothing for a
// packet that stays inside a subnet, as in AWS and the engine), then the instances' security groups as
// stateful filters on each instance's interface (egress for what the instance sends, ingress for what it
// receives). NACL entries are evaluated in rule-number order and the first match decides: allow returns
// to the next filter, deny drops; no match drops (the `*` rule). Every packet passes the NACLs, replies
// included; only packets that start a connection meet the SGs.
import type { NetworkAcl, World } from '../world';
import { networkAclForSubnet } from '../world';
import { addressMatch } from './address-match';
import { naclEntryMatch, nftComment, nftName } from './nft-match';
import { chain, nftTableText, sgChainRules } from './nft-security-groups';
import type { LabTopology } from './lab-topology';

function naclChainRules(acl: NetworkAcl, egress: boolean): string[] {
  const field = egress ? 'daddr' : 'saddr';
  const lines: string[] = [];
  // The lab is IPv4 only: IPv6 entries (no cidrBlock) filter nothing it carries.
  for (const e of acl.entries.filter((x) => x.egress === egress && x.cidrBlock !== undefined).sort((a, b) => a.ruleNumber - b.ruleNumber)) {
    const proto = naclEntryMatch(e);
    const peer = addressMatch(field, [e.cidrBlock!]);
    if (proto === null || peer === null) continue;
    const verdict = e.ruleAction === 'allow' ? 'return' : 'counter drop';
    lines.push(
      [peer, proto, verdict, nftComment(`${acl.networkAclId} ${egress ? 'outbound' : 'inbound'} rule ${e.ruleNumber}`)]
        .filter(Boolean)
        .join(' '),
    );
  }
  lines.push(`counter drop ${nftComment(`${acl.networkAclId} ${egress ? 'outbound' : 'inbound'} rule *`)}`);
  return lines;
}

const ifset = (names: readonly string[]): string => `{ ${names.map((n) => `"${n}"`).join(', ')} }`;

export function vpcRouterNft(world: World, topo: LabTopology): string {
  const chains: string[] = [];
  const forward: string[] = ['type filter hook forward priority filter; policy accept;'];
  const leave: string[] = [];
  const enter: string[] = [];
  const aclChains = new Set<string>();
  for (const [subnetId, ifnames] of topo.subnets) {
    const acl = networkAclForSubnet(world, subnetId);
    if (!acl) continue;
    for (const egress of [true, false]) {
      const name = `nacl_${nftName(acl.networkAclId)}_${egress ? 'out' : 'in'}`;
      if (!aclChains.has(name)) chains.push(chain(name, naclChainRules(acl, egress)));
      aclChains.add(name);
      const set = ifset(ifnames);
      (egress ? leave : enter).push(
        egress ? `iifname ${set} oifname != ${set} jump ${name}` : `oifname ${set} iifname != ${set} jump ${name}`,
      );
    }
  }
  forward.push(...leave, ...enter, 'ct state established,related accept');
  for (const n of topo.instances) {
    if (!n.ifname) continue;
    const out = `sg_${n.ifname}_egress`;
    const inn = `sg_${n.ifname}_ingress`;
    chains.push(chain(out, sgChainRules(world, n.groupIds, true, `SG_EGRESS_NO_MATCH ${n.instance.instanceId}`)));
    chains.push(chain(inn, sgChainRules(world, n.groupIds, false, `SG_INGRESS_NO_MATCH ${n.instance.instanceId}`)));
    forward.push(`iifname "${n.ifname}" jump ${out}`, `oifname "${n.ifname}" jump ${inn}`);
  }
  chains.push(chain('forward', forward));
  return nftTableText(chains);
}
