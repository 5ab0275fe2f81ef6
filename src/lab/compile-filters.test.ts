// The nftables the plan compiles: NACLs at subnet boundaries, SGs with references, the CGW on the VPC
// interface, guest firewalls. Their effect on packets is proven by the oracle; these pin the shape.
import { associateNetworkAcl, authorizeSecurityGroupIngress, createNetworkAcl, createNetworkAclEntry, patchCgwRule } from '../world';
import { allFromGroup, buildTopology, vpcInterface } from '../network/test-support/topology';
import { compilePlan } from './compile-plan';
import { guestFirewallNft } from './compile-guest-firewall';
import type { LabPlan } from './plan';

const nftOf = (plan: LabPlan, name: string): string => plan.namespaces.find((n) => n.name === name)!.nft!;
const chainOf = (nft: string, chain: string): string[] => {
  const m = new RegExp(`chain ${chain} \\{\\n([\\s\\S]*?)\\n  \\}`).exec(nft);
  return m ? m[1]!.split('\n').map((l) => l.trim()) : [];
};

describe('VPC router', () => {
  test('an ACL applies where a packet leaves or enters its subnet (the ENI and the instances in it count as inside)', () => {
    const t = buildTopology({ instances: { near: {}, far: { subnet: 'other' } } });
    const acl = createNetworkAcl(t.world, { vpcId: t.vpc.vpcId });
    associateNetworkAcl(t.world, acl.networkAclId, t.connectedSubnet.subnetId);
    const forward = chainOf(nftOf(compilePlan(t.world), 'vpc-router'), 'forward');
    const name = acl.networkAclId.replace(/-/g, '_');
    expect(forward).toContain(`iifname { "i0", "xlink" } oifname != { "i0", "xlink" } jump nacl_${name}_out`);
    expect(forward).toContain(`oifname { "i0", "xlink" } iifname != { "i0", "xlink" } jump nacl_${name}_in`);
  });

  test('ACL entries in rule-number order: allow returns, deny drops, no match drops', () => {
    const t = buildTopology();
    const acl = createNetworkAcl(t.world, { vpcId: t.vpc.vpcId });
    createNetworkAclEntry(t.world, acl.networkAclId, {
      ruleNumber: 20,
      protocol: '-1',
      ruleAction: 'allow',
      egress: true,
      cidrBlock: '0.0.0.0/0',
    });
    createNetworkAclEntry(t.world, acl.networkAclId, {
      ruleNumber: 10,
      protocol: '1',
      ruleAction: 'deny',
      egress: true,
      cidrBlock: '192.168.10.0/24',
      icmpTypeCode: { type: 8, code: -1 },
    });
    associateNetworkAcl(t.world, acl.networkAclId, t.connectedSubnet.subnetId);
    const out = chainOf(nftOf(compilePlan(t.world), 'vpc-router'), `nacl_${acl.networkAclId.replace(/-/g, '_')}_out`);
    expect(out.map((l) => l.replace(/ comment ".*"$/, ''))).toEqual([
      'ip daddr 192.168.10.0-192.168.10.255 ip protocol icmp icmp type 8 counter drop',
      'ip daddr 0.0.0.0-255.255.255.255 return',
      'ip daddr 0.0.0.0-255.255.255.255 counter drop', // entry 32767, which every ACL has
      'counter drop',
    ]);
  });

  test("a rule referencing the cross-link ENI's group admits the SDDC side (the engine's membership rule)", () => {
    const t = buildTopology({ securityGroups: { app: { rules: 'egress-only' } }, instances: { a: { groups: ['app'] } } });
    authorizeSecurityGroupIngress(t.world, t.sgs.app!.groupId, [allFromGroup(t.defaultSg.groupId)]);
    const ingress = chainOf(nftOf(compilePlan(t.world), 'vpc-router'), 'sg_i0_ingress');
    expect(ingress[0]).toMatch(/^ip saddr \{ .*192\.168\.10\.0-192\.168\.10\.255.* \} return/);
  });
});

describe('SDDC edge', () => {
  test('CGW: only enabled rules on the VPC interface, by sequence number; REJECT rejects (RST for TCP); no match drops', () => {
    const t = buildTopology({ cgw: 'none' });
    patchCgwRule(t.world, 'late', { sequenceNumber: 50, scope: [vpcInterface], direction: 'IN', action: 'ALLOW' });
    patchCgwRule(t.world, 'early', {
      sequenceNumber: 5,
      scope: [vpcInterface],
      direction: 'IN_OUT',
      action: 'REJECT',
      destinationGroups: ['192.168.10.10'],
    });
    patchCgwRule(t.world, 'public', { sequenceNumber: 1, scope: ['/infra/labels/cgw-public'], direction: 'IN', action: 'DROP' });
    patchCgwRule(t.world, 'off', { sequenceNumber: 2, scope: [vpcInterface], direction: 'IN', action: 'DROP', disabled: true });
    const cgwIn = chainOf(nftOf(compilePlan(t.world), 'sddc-edge'), 'cgw_in');
    expect(cgwIn.map((l) => l.replace(/ comment ".*"$/, ''))).toEqual([
      'ip daddr 192.168.10.10 meta l4proto tcp counter reject with tcp reset',
      'ip daddr 192.168.10.10 counter reject with icmpx type admin-prohibited',
      'return',
      'counter drop',
    ]);
  });

  test("the cross-link ENI's SGs filter the cross-link: ingress entering the SDDC, egress leaving it", () => {
    const forward = chainOf(nftOf(compilePlan(buildTopology().world), 'sddc-edge'), 'forward');
    expect(forward).toEqual(
      expect.arrayContaining([
        'iifname "xlink" jump eni_sg_ingress',
        'oifname "xlink" jump eni_sg_egress',
        'ct state established,related accept',
      ]),
    );
  });
});

test('a guest firewall: replies pass, rules in order, then the default', () => {
  const nft = guestFirewallNft({ defaultInbound: 'drop', rules: [{ action: 'allow', protocol: 'icmp', sourceCidr: '10.0.1.0/24' }] })!;
  expect(
    chainOf(nft, 'input')
      .map((l) => l.replace(/ comment ".*"$/, ''))
      .slice(1),
  ).toEqual(['iifname "lo" accept', 'ct state established,related accept', 'ip saddr 10.0.1.0/24 ip protocol icmp accept', 'counter drop']);
});
