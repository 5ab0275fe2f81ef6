// Semantic table, security groups (design §2 steps 1 and 5, and the reverse path): the article's three
// cases, SG references and cross-link ENI membership, CIDR / prefix-list / ICMP type / protocol / port
// rules, and statefulness of replies.
import { authorizeSecurityGroupEgress, authorizeSecurityGroupIngress, createManagedPrefixList, createSecurityGroup } from '../world';
import { evaluate } from './evaluate';
import {
  allFromGroup,
  allTraffic,
  blocked,
  buildTopology,
  hopsOf,
  icmpFrom,
  revokeAll,
  runCase,
  tcpFrom,
  type SemanticCase,
  type Topology,
  type TopologyOptions,
} from './test-support/topology';

const articleB: TopologyOptions = { securityGroups: { 'CJ-SG': { rules: 'allow-all' } }, instances: { 'CJ-AWS02': { groups: ['CJ-SG'] } } };
/** Instance `web` in group `app`, which has only the allow-all egress rule EC2 gives a new group. */
const app: TopologyOptions = { securityGroups: { app: { rules: 'egress-only' } }, instances: { web: { groups: ['app'] } } };

const sg = (t: Topology, name: string): string => t.sgs[name]!.groupId;
const appIngress = (t: Topology, ...perms: Parameters<typeof authorizeSecurityGroupIngress>[2]) =>
  authorizeSecurityGroupIngress(t.world, sg(t, 'app'), perms);
const defaultSelfRule = (t: Topology): string =>
  t.defaultSg.rules.find((r) => !r.isEgress && r.referencedGroupId === t.defaultSg.groupId)!.securityGroupRuleId;
const ruleReferencing = (t: Topology, groupId: string, referenced: string): string =>
  t.world.ec2.securityGroups.get(groupId)!.rules.find((r) => r.referencedGroupId === referenced)!.securityGroupRuleId;
const appRuleWith = (t: Topology, pred: (r: Topology['defaultSg']['rules'][number]) => boolean): string =>
  t.world.ec2.securityGroups.get(sg(t, 'app'))!.rules.find((r) => !r.isEgress && pred(r))!.securityGroupRuleId;

const cases: SemanticCase[] = [
  // The article's three cases (seed/article-summary.md).
  {
    name: 'article A: EC2 in the default SG → VM is reachable (the default SG admits its own members into the SDDC)',
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'eni-sg-ingress', id: defaultSelfRule },
  },
  {
    name: 'article A: VM → EC2 in the default SG is reachable: traffic entering through the cross-link ENI counts as a member of the default SG',
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'sg-ingress', id: defaultSelfRule },
  },
  {
    name: "article B: EC2 in an allow-all custom SG → VM is blocked by the cross-link ENI's default SG inbound",
    topology: articleB,
    flow: (t) => t.toVm('CJ-AWS02'),
    expected: (t) => blocked('ENI_SG_INGRESS_NO_MATCH', 'forward', t.defaultSg.groupId),
  },
  {
    name: 'article B: VM → EC2 in an allow-all custom SG is reachable',
    topology: articleB,
    flow: (t) => t.fromVm('CJ-AWS02'),
    expected: 'reachable',
  },
  {
    name: 'article C: with the custom SG added as a source on the default SG, EC2 → VM is reachable through that rule',
    topology: articleB,
    setup: (t) => authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [allFromGroup(sg(t, 'CJ-SG'))]),
    flow: (t) => t.toVm('CJ-AWS02'),
    expected: 'reachable',
    matched: { kind: 'eni-sg-ingress', id: (t) => ruleReferencing(t, t.defaultSg.groupId, sg(t, 'CJ-SG')) },
  },
  {
    name: 'article C: VM → EC2 in the custom SG stays reachable after the fix',
    topology: articleB,
    setup: (t) => authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [allFromGroup(sg(t, 'CJ-SG'))]),
    flow: (t) => t.fromVm('CJ-AWS02'),
    expected: 'reachable',
  },

  // SG references: the cross-link ENI wears the default SG.
  {
    name: 'VM → EC2: an instance SG rule referencing the default SG admits the VM',
    topology: app,
    setup: (t) => appIngress(t, allFromGroup(t.defaultSg.groupId)),
    flow: (t) => t.fromVm('web'),
    expected: 'reachable',
    matched: { kind: 'sg-ingress', id: (t) => ruleReferencing(t, sg(t, 'app'), t.defaultSg.groupId) },
  },
  {
    name: 'VM → EC2: an instance SG rule referencing some other SG does not admit the VM',
    topology: { ...app, securityGroups: { app: { rules: 'egress-only' }, other: { rules: 'egress-only' } } },
    setup: (t) => appIngress(t, allFromGroup(sg(t, 'other'))),
    flow: (t) => t.fromVm('web'),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'EC2 → VM: a default SG rule referencing some other SG does not admit an instance of the custom SG',
    topology: { ...articleB, securityGroups: { 'CJ-SG': { rules: 'allow-all' }, other: { rules: 'egress-only' } } },
    setup: (t) => authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [allFromGroup(sg(t, 'other'))]),
    flow: (t) => t.toVm('CJ-AWS02'),
    expected: (t) => blocked('ENI_SG_INGRESS_NO_MATCH', 'forward', t.defaultSg.groupId),
  },
  {
    name: 'EC2 → VM: the default SG admits an instance of a custom SG by CIDR (its subnet)',
    topology: articleB,
    setup: (t) => authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [allTraffic('10.0.1.0/24')]),
    flow: (t) => t.toVm('CJ-AWS02'),
    expected: 'reachable',
  },

  // Rules by CIDR and prefix list.
  {
    name: 'VM → EC2: an ICMP rule from the segment CIDR admits the VM',
    topology: app,
    setup: (t) => appIngress(t, icmpFrom('192.168.10.0/24')),
    flow: (t) => t.fromVm('web'),
    expected: 'reachable',
    matched: { kind: 'sg-ingress', id: (t) => appRuleWith(t, (r) => r.cidrIpv4 === '192.168.10.0/24') },
  },
  {
    name: 'VM → EC2: an ICMP rule from a CIDR that does not hold the VM does not admit it',
    topology: app,
    setup: (t) => appIngress(t, icmpFrom('192.168.20.0/24'), icmpFrom('192.168.10.11/32')),
    flow: (t) => t.fromVm('web'),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'VM → EC2: a rule from a prefix list holding the segment admits the VM',
    topology: app,
    setup: (t) => {
      const pl = createManagedPrefixList(t.world, {
        prefixListName: 'sddc',
        entries: [{ cidr: '172.16.0.0/12' }, { cidr: '192.168.10.0/24' }],
      });
      appIngress(t, { ipProtocol: 'icmp', fromPort: -1, toPort: -1, prefixListIds: [{ prefixListId: pl.prefixListId }] });
    },
    flow: (t) => t.fromVm('web'),
    expected: 'reachable',
    matched: { kind: 'sg-ingress', id: (t) => appRuleWith(t, (r) => r.prefixListId !== undefined) },
  },
  {
    name: 'VM → EC2: a rule from a prefix list without the segment does not admit the VM',
    topology: app,
    setup: (t) => {
      const pl = createManagedPrefixList(t.world, {
        prefixListName: 'elsewhere',
        entries: [{ cidr: '172.16.0.0/12' }, { cidr: '192.168.11.0/24' }],
      });
      appIngress(t, { ipProtocol: '-1', prefixListIds: [{ prefixListId: pl.prefixListId }] });
    },
    flow: (t) => t.fromVm('web'),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },

  // ICMP type/code, protocol, ports.
  {
    name: 'VM → EC2: an ICMP echo-request rule (type 8, any code) admits a ping',
    topology: app,
    setup: (t) => appIngress(t, icmpFrom('0.0.0.0/0', 8, -1)),
    flow: (t) => t.fromVm('web'),
    expected: 'reachable',
  },
  {
    name: 'VM → EC2: an ICMP rule for type 0 (echo reply) only does not admit a ping',
    topology: app,
    setup: (t) => appIngress(t, icmpFrom('0.0.0.0/0', 0, -1)),
    flow: (t) => t.fromVm('web'),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'VM → EC2: a TCP-only rule (all ports, anywhere) does not admit ICMP',
    topology: app,
    setup: (t) => appIngress(t, tcpFrom('0.0.0.0/0', 0, 65535)),
    flow: (t) => t.fromVm('web'),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'VM → EC2 TCP 443: a TCP 443 rule admits it',
    topology: app,
    setup: (t) => appIngress(t, tcpFrom('192.168.10.0/24', 443)),
    flow: (t) => t.fromVm('web', { protocol: 'tcp', port: 443 }),
    expected: 'reachable',
  },
  {
    name: 'VM → EC2 TCP 443: a TCP 80-442 rule does not admit it',
    topology: app,
    setup: (t) => appIngress(t, tcpFrom('192.168.10.0/24', 80, 442)),
    flow: (t) => t.fromVm('web', { protocol: 'tcp', port: 443 }),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'VM → EC2 TCP 443: an ICMP-only rule does not admit it',
    topology: app,
    setup: (t) => appIngress(t, icmpFrom('0.0.0.0/0')),
    flow: (t) => t.fromVm('web', { protocol: 'tcp', port: 443 }),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'EC2 → VM TCP 443: a default SG rule for TCP 443 from the custom SG admits it',
    topology: articleB,
    setup: (t) =>
      authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, userIdGroupPairs: [{ groupId: sg(t, 'CJ-SG') }] },
      ]),
    flow: (t) => t.toVm('CJ-AWS02', { protocol: 'tcp', port: 443 }),
    expected: 'reachable',
  },
  {
    name: 'EC2 → VM TCP 22: a default SG rule for TCP 443 only from the custom SG does not admit it',
    topology: articleB,
    setup: (t) =>
      authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, userIdGroupPairs: [{ groupId: sg(t, 'CJ-SG') }] },
      ]),
    flow: (t) => t.toVm('CJ-AWS02', { protocol: 'tcp', port: 22 }),
    expected: (t) => blocked('ENI_SG_INGRESS_NO_MATCH', 'forward', t.defaultSg.groupId),
  },

  // Several groups on one ENI: any may allow; a block names them all.
  {
    name: "VM → EC2: with two SGs on the instance, the second one's rule admits the VM",
    topology: {
      securityGroups: { app: { rules: 'egress-only' }, ping: { rules: 'egress-only' } },
      instances: { web: { groups: ['app', 'ping'] } },
    },
    setup: (t) => authorizeSecurityGroupIngress(t.world, sg(t, 'ping'), [icmpFrom('192.168.10.10/32', 8, 0)]),
    flow: (t) => t.fromVm('web'),
    expected: 'reachable',
  },
  {
    name: 'VM → EC2: with two SGs on the instance and no matching rule, the block names both groups',
    topology: {
      securityGroups: { app: { rules: 'egress-only' }, ping: { rules: 'egress-only' } },
      instances: { web: { groups: ['app', 'ping'] } },
    },
    flow: (t) => t.fromVm('web'),
    expected: (t) => blocked('SG_INGRESS_NO_MATCH', 'forward', `${sg(t, 'app')},${sg(t, 'ping')}`),
  },

  // Egress rules: the instance's SG on EC2 → VM, the cross-link ENI's SG on VM → EC2.
  {
    name: 'EC2 → VM: an instance SG without egress rules blocks the request at the instance',
    topology: app,
    setup: (t) => revokeAll(t.world, t.sgs.app!, true),
    flow: (t) => t.toVm('web'),
    expected: (t) => blocked('SG_EGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'EC2 → VM: an instance SG whose egress covers only the VPC CIDR blocks the request',
    topology: app,
    setup: (t) => {
      revokeAll(t.world, t.sgs.app!, true);
      authorizeSecurityGroupEgress(t.world, sg(t, 'app'), [allTraffic('10.0.0.0/16')]);
    },
    flow: (t) => t.toVm('web'),
    expected: (t) => blocked('SG_EGRESS_NO_MATCH', 'forward', sg(t, 'app')),
  },
  {
    name: 'VM → EC2: the default SG without egress rules blocks the VM leaving the SDDC at the cross-link ENI',
    setup: (t) => revokeAll(t.world, t.defaultSg, true),
    flow: (t) => t.fromVm('ec2-a'),
    expected: (t) => blocked('ENI_SG_EGRESS_NO_MATCH', 'forward', t.defaultSg.groupId),
  },
  {
    name: 'VM → EC2: a default SG egress rule for another subnet only blocks the VM at the cross-link ENI',
    setup: (t) => {
      revokeAll(t.world, t.defaultSg, true);
      authorizeSecurityGroupEgress(t.world, t.defaultSg.groupId, [allTraffic('10.0.2.0/24')]);
    },
    flow: (t) => t.fromVm('ec2-a'),
    expected: (t) => blocked('ENI_SG_EGRESS_NO_MATCH', 'forward', t.defaultSg.groupId),
  },

  // Statefulness: replies of allowed requests pass SGs without rules of their own.
  {
    name: 'VM → EC2 is reachable although the instance SG has no egress rule (the reply is stateful)',
    topology: app,
    setup: (t) => {
      revokeAll(t.world, t.sgs.app!, true);
      appIngress(t, icmpFrom('192.168.10.0/24'));
    },
    flow: (t) => t.fromVm('web'),
    expected: 'reachable',
  },
  {
    name: 'EC2 → VM is reachable although the default SG has no egress rule (the reply leaves the SDDC statefully)',
    topology: articleB,
    setup: (t) => {
      authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [allFromGroup(sg(t, 'CJ-SG'))]);
      revokeAll(t.world, t.defaultSg, true);
    },
    flow: (t) => t.toVm('CJ-AWS02'),
    expected: 'reachable',
  },
];

describe('security group semantics', () => {
  test.each(cases)('$name', (c) => {
    const r = runCase(c);
    expect(r.outcome).toEqual(r.expected);
    if (r.matched) expect(r.matched.actual).toBe(r.matched.expected);
  });

  test('the reply of VM → EC2 passes the instance SG as a stateful hop, not by a rule', () => {
    const t = buildTopology(app);
    revokeAll(t.world, t.sgs.app!, true);
    authorizeSecurityGroupIngress(t.world, sg(t, 'app'), [icmpFrom('192.168.10.0/24')]);
    const [hop] = hopsOf(evaluate(t.world, t.fromVm('web')), 'sg-egress', 'return');
    expect(hop).toMatchObject({ outcome: 'allow', stateful: true, matched: null, resource: { id: sg(t, 'app') } });
  });

  test('the cross-link ENI hop names the active ENI the default SG is checked on', () => {
    const t = buildTopology(articleB);
    const [hop] = hopsOf(evaluate(t.world, t.toVm('CJ-AWS02')), 'eni-sg-ingress');
    expect(hop?.via).toEqual({ type: 'network-interface', id: t.activeEni, name: 'cross-link ENI' });
  });

  test("rules added after a first evaluation are seen: the compiled index follows the world's revision", () => {
    const t = buildTopology(articleB);
    expect(evaluate(t.world, t.toVm('CJ-AWS02')).reachable).toBe(false);
    const extra = createSecurityGroup(t.world, { groupName: 'unrelated', description: 'x', vpcId: t.vpc.vpcId });
    authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [allFromGroup(extra.groupId)]);
    expect(evaluate(t.world, t.toVm('CJ-AWS02')).reachable).toBe(false);
    authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [allFromGroup(sg(t, 'CJ-SG'))]);
    expect(evaluate(t.world, t.toVm('CJ-AWS02')).reachable).toBe(true);
  });
});
