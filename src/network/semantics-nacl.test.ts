// Semantic table, network ACLs (design §2 steps 2 and 4, and the reply): rule-number order, the `*`
// deny, statelessness (the reply needs its own allow on every boundary it crosses, in both subnets and
// both directions), and no NACL inside one subnet.
import { associateNetworkAcl, createNetworkAcl, createNetworkAclEntry, type NaclEntry } from '../world';
import { evaluate } from './evaluate';
import { blocked, buildTopology, hopsOf, runCase, type SemanticCase, type Topology, type TopologyOptions } from './test-support/topology';

type Entry = Omit<NaclEntry, 'egress'>;
const all = (ruleNumber: number, ruleAction: 'allow' | 'deny', cidrBlock = '0.0.0.0/0'): Entry => ({
  ruleNumber,
  protocol: '-1',
  ruleAction,
  cidrBlock,
});
const icmp = (ruleNumber: number, ruleAction: 'allow' | 'deny', cidrBlock: string, type: number): Entry => ({
  ruleNumber,
  protocol: '1',
  ruleAction,
  cidrBlock,
  icmpTypeCode: { type, code: -1 },
});
const tcp = (ruleNumber: number, ruleAction: 'allow' | 'deny', cidrBlock: string, from: number, to = from): Entry => ({
  ruleNumber,
  protocol: '6',
  ruleAction,
  cidrBlock,
  portRange: { from, to },
});

/** A custom ACL (with only its `*` denies) plus these entries, associated with the subnet; returns its id. */
function acl(t: Topology, subnet: 'connected' | 'other', entries: { inbound?: Entry[]; outbound?: Entry[] }): string {
  const a = createNetworkAcl(t.world, { vpcId: t.vpc.vpcId });
  for (const e of entries.inbound ?? []) createNetworkAclEntry(t.world, a.networkAclId, { ...e, egress: false });
  for (const e of entries.outbound ?? []) createNetworkAclEntry(t.world, a.networkAclId, { ...e, egress: true });
  associateNetworkAcl(t.world, a.networkAclId, subnet === 'connected' ? t.connectedSubnet.subnetId : t.otherSubnet.subnetId);
  return a.networkAclId;
}

/** The id of the custom ACL on a subnet (the one `acl` made). */
const aclOf = (t: Topology, subnet: 'connected' | 'other'): string => {
  const id = subnet === 'connected' ? t.connectedSubnet.subnetId : t.otherSubnet.subnetId;
  return [...t.world.ec2.networkAcls.values()].find((a) => !a.isDefault && a.associations.some((x) => x.subnetId === id))!.networkAclId;
};

/** Instance `far` in the other subnet (10.0.2.0/24): its traffic crosses both subnets' ACLs. */
const far: TopologyOptions = { instances: { far: { subnet: 'other' } } };
const openAll = { inbound: [all(100, 'allow')], outbound: [all(100, 'allow')] };

const cases: SemanticCase[] = [
  {
    name: 'EC2 in the other subnet → VM is reachable with the default ACLs',
    topology: far,
    flow: (t) => t.toVm('far'),
    expected: 'reachable',
    matched: { kind: 'nacl-outbound', id: '100' },
  },
  {
    name: 'VM → EC2 in the other subnet is reachable with the default ACLs',
    topology: far,
    flow: (t) => t.fromVm('far'),
    expected: 'reachable',
    matched: { kind: 'nacl-inbound', id: '100' },
  },
  {
    name: 'same subnet: a deny-all ACL on the connected subnet does not apply to EC2 → VM from that subnet',
    setup: (t) => void acl(t, 'connected', {}),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'same subnet: a deny-all ACL on the connected subnet does not apply to VM → EC2 in that subnet',
    setup: (t) => void acl(t, 'connected', {}),
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
  },

  // Order: the lowest rule number that matches decides.
  {
    name: 'order: an outbound deny at 90 beats the allow at 100 (EC2 → VM, source subnet)',
    topology: far,
    setup: (t) => void acl(t, 'other', { inbound: [all(100, 'allow')], outbound: [icmp(90, 'deny', '0.0.0.0/0', -1), all(100, 'allow')] }),
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NACL_OUTBOUND_DENY', 'forward', aclOf(t, 'other')),
    matched: { kind: 'nacl-outbound', id: '90' },
  },
  {
    name: 'order: an outbound allow at 90 beats the deny at 100 (EC2 → VM, source subnet)',
    topology: far,
    setup: (t) => void acl(t, 'other', { inbound: [all(100, 'allow')], outbound: [all(90, 'allow'), icmp(100, 'deny', '0.0.0.0/0', -1)] }),
    flow: (t) => t.toVm('far'),
    expected: 'reachable',
    matched: { kind: 'nacl-outbound', id: '90' },
  },
  {
    name: 'order: an inbound deny at 50 for the other subnet beats the allow at 100 (VM → EC2, destination subnet)',
    topology: far,
    setup: (t) => void acl(t, 'other', { inbound: [all(50, 'deny', '192.168.10.0/24'), all(100, 'allow')], outbound: [all(100, 'allow')] }),
    flow: (t) => t.fromVm('far'),
    expected: (t) => blocked('NACL_INBOUND_DENY', 'forward', aclOf(t, 'other')),
    matched: { kind: 'nacl-inbound', id: '50' },
  },
  {
    name: 'a deny whose CIDR does not hold the peer is passed over',
    topology: far,
    setup: (t) => void acl(t, 'other', { inbound: [all(100, 'allow')], outbound: [all(90, 'deny', '192.168.20.0/24'), all(100, 'allow')] }),
    flow: (t) => t.toVm('far'),
    expected: 'reachable',
    matched: { kind: 'nacl-outbound', id: '100' },
  },
  {
    name: 'a new custom ACL holds only the `*` deny: EC2 → VM is blocked leaving the source subnet',
    topology: far,
    setup: (t) => void acl(t, 'other', {}),
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NACL_OUTBOUND_DENY', 'forward', aclOf(t, 'other')),
    matched: { kind: 'nacl-outbound', id: '32767' },
  },

  // Statelessness: the reply is a packet of its own (ICMP type 0; TCP to the ephemeral port).
  {
    name: 'stateless: VM → EC2 whose subnet admits echo requests but does not let echo replies out is blocked on the return path',
    topology: far,
    setup: (t) =>
      void acl(t, 'other', { inbound: [icmp(100, 'allow', '192.168.10.0/24', 8)], outbound: [icmp(100, 'allow', '0.0.0.0/0', 8)] }),
    flow: (t) => t.fromVm('far'),
    expected: (t) => blocked('NACL_OUTBOUND_DENY', 'return', aclOf(t, 'other')),
    matched: { kind: 'nacl-inbound', id: '100' },
  },
  {
    name: 'stateless: EC2 → VM whose subnet lets echo requests out but does not admit echo replies is blocked on the return path',
    topology: far,
    setup: (t) =>
      void acl(t, 'other', { inbound: [icmp(100, 'allow', '0.0.0.0/0', 8)], outbound: [icmp(100, 'allow', '192.168.10.0/24', 8)] }),
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NACL_INBOUND_DENY', 'return', aclOf(t, 'other')),
  },
  {
    name: 'stateless: with echo request and reply both allowed in each direction, VM → EC2 is reachable',
    topology: far,
    setup: (t) =>
      void acl(t, 'other', { inbound: [icmp(100, 'allow', '192.168.10.0/24', 8)], outbound: [icmp(100, 'allow', '192.168.10.0/24', 0)] }),
    flow: (t) => t.fromVm('far'),
    expected: 'reachable',
  },
  {
    name: 'stateless: VM → EC2 TCP 443 with only port 443 allowed out of the instance subnet is blocked on the reply to the ephemeral port',
    topology: far,
    setup: (t) => void acl(t, 'other', { inbound: [tcp(100, 'allow', '0.0.0.0/0', 443)], outbound: [tcp(100, 'allow', '0.0.0.0/0', 443)] }),
    flow: (t) => t.fromVm('far', { protocol: 'tcp', port: 443 }),
    expected: (t) => blocked('NACL_OUTBOUND_DENY', 'return', aclOf(t, 'other')),
  },
  {
    name: 'stateless: VM → EC2 TCP 443 with the ephemeral range allowed out of the instance subnet is reachable',
    topology: far,
    setup: (t) =>
      void acl(t, 'other', {
        inbound: [tcp(100, 'allow', '0.0.0.0/0', 443)],
        outbound: [tcp(100, 'allow', '192.168.10.0/24', 1024, 65535)],
      }),
    flow: (t) => t.fromVm('far', { protocol: 'tcp', port: 443 }),
    expected: 'reachable',
  },

  // The connected subnet's ACL (the cross-link ENIs' boundary), both directions, request and reply.
  {
    name: 'connected subnet: EC2 → VM from the other subnet is blocked entering the cross-link ENI subnet',
    topology: far,
    setup: (t) => void acl(t, 'connected', { inbound: [all(50, 'deny', '10.0.2.0/24'), all(100, 'allow')], outbound: [all(100, 'allow')] }),
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NACL_INBOUND_DENY', 'forward', aclOf(t, 'connected')),
  },
  {
    name: 'connected subnet: EC2 → VM is blocked when the echo reply may not leave the cross-link ENI subnet',
    topology: far,
    setup: (t) =>
      void acl(t, 'connected', { inbound: [all(100, 'allow')], outbound: [icmp(50, 'deny', '10.0.2.0/24', 0), all(100, 'allow')] }),
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NACL_OUTBOUND_DENY', 'return', aclOf(t, 'connected')),
    matched: { kind: 'nacl-outbound', path: 'return', id: '50' },
  },
  {
    name: 'connected subnet: VM → EC2 in the other subnet is blocked leaving the cross-link ENI subnet',
    topology: far,
    setup: (t) => void acl(t, 'connected', { inbound: [all(100, 'allow')], outbound: [all(50, 'deny', '10.0.2.0/24'), all(100, 'allow')] }),
    flow: (t) => t.fromVm('far'),
    expected: (t) => blocked('NACL_OUTBOUND_DENY', 'forward', aclOf(t, 'connected')),
  },
  {
    name: 'connected subnet: VM → EC2 is blocked when the echo reply may not enter the cross-link ENI subnet',
    topology: far,
    setup: (t) =>
      void acl(t, 'connected', { inbound: [icmp(50, 'deny', '10.0.2.0/24', 0), all(100, 'allow')], outbound: [all(100, 'allow')] }),
    flow: (t) => t.fromVm('far'),
    expected: (t) => blocked('NACL_INBOUND_DENY', 'return', aclOf(t, 'connected')),
  },
  {
    name: 'connected subnet: open custom ACLs on both subnets let EC2 → VM through',
    topology: far,
    setup: (t) => {
      acl(t, 'connected', openAll);
      acl(t, 'other', openAll);
    },
    flow: (t) => t.toVm('far'),
    expected: 'reachable',
  },
];

describe('network ACL semantics', () => {
  test.each(cases)('$name', (c) => {
    const r = runCase(c);
    expect(r.outcome).toEqual(r.expected);
    if (r.matched) expect(r.matched.actual).toBe(r.matched.expected);
  });

  test('across subnets, EC2 → VM checks both ACLs on the request and both again on the reply', () => {
    const t = buildTopology(far);
    const v = evaluate(t.world, t.toVm('far'));
    const acls = v.hops.filter((h) => h.kind.startsWith('nacl-')).map((h) => `${h.path} ${h.kind}`);
    expect(acls).toEqual(['forward nacl-outbound', 'forward nacl-inbound', 'return nacl-outbound', 'return nacl-inbound']);
  });

  test('inside one subnet no ACL hop is recorded at all', () => {
    const t = buildTopology();
    const v = evaluate(t.world, t.fromVm('ec2-a'));
    expect(v.hops.filter((h) => h.kind.startsWith('nacl-'))).toEqual([]);
  });

  test('the ACL hops of VM → EC2 name the cross-link subnet first on the request and the instance subnet first on the reply', () => {
    const t = buildTopology(far);
    const connected = acl(t, 'connected', openAll);
    const other = acl(t, 'other', openAll);
    const v = evaluate(t.world, t.fromVm('far'));
    expect(hopsOf(v, 'nacl-outbound').map((h) => h.resource.id)).toEqual([connected]);
    expect(hopsOf(v, 'nacl-inbound').map((h) => h.resource.id)).toEqual([other]);
    expect(hopsOf(v, 'nacl-outbound', 'return').map((h) => h.resource.id)).toEqual([other]);
    expect(hopsOf(v, 'nacl-inbound', 'return').map((h) => h.resource.id)).toEqual([connected]);
  });
});
