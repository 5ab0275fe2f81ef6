// Semantic table, the compute gateway firewall (design §2 step 6): first match by sequence number,
// scope (Applied To), direction, actions, services, and source/destination groups (IP, VM name and
// tag conditions, segment and nested-group paths, connected_vpc, conjunctions, exclusion).
import { connectedVpcGroupPath, patchCgwRule, patchGroup, type CgwRuleInput, type GroupExpression } from '../world';
import { blocked, runCase, vpcInterface, type SemanticCase, type Topology, type TopologyOptions } from './test-support/topology';

/** No CGW rules yet; `ec2-a` in the connected subnet, `far` in the other subnet. */
const bare: TopologyOptions = { cgw: 'none', instances: { 'ec2-a': {}, far: { subnet: 'other' } } };
const policy = '/infra/domains/cgw/gateway-policies/default';
const rulePath = (id: string): string => `${policy}/rules/${id}`;

const rule = (t: Topology, id: string, input: CgwRuleInput) =>
  patchCgwRule(t.world, id, { scope: [vpcInterface], direction: 'IN_OUT', action: 'ALLOW', ...input });
const group = (t: Topology, id: string, ...expression: GroupExpression[]): string => patchGroup(t.world, 'cgw', id, { expression }).path;
const and: GroupExpression = { resourceType: 'ConjunctionOperator', conjunctionOperator: 'AND' };
const or: GroupExpression = { resourceType: 'ConjunctionOperator', conjunctionOperator: 'OR' };
const ips = (...ipAddresses: string[]): GroupExpression => ({ resourceType: 'IPAddressExpression', ipAddresses });
const vmWhere = (key: string, operator: string, value: string): GroupExpression => ({
  resourceType: 'Condition',
  memberType: 'VirtualMachine',
  key,
  operator,
  value,
});
const paths = (...p: string[]): GroupExpression => ({ resourceType: 'PathExpression', paths: p });

/** Allows inbound traffic to the VMs of a group built from `expression`, and nothing else. */
const inboundTo =
  (...expression: GroupExpression[]) =>
  (t: Topology) =>
    void rule(t, 'to-group', { sequenceNumber: 10, direction: 'IN', destinationGroups: [group(t, 'dst', ...expression)] });
const defaultDrop =
  (direction: 'forward' | 'return' = 'forward') =>
  (): ReturnType<typeof blocked> =>
    blocked('CGW_DEFAULT_DROP', direction, policy);

const cases: SemanticCase[] = [
  { name: 'no rule: EC2 → VM falls to the default uplink drop', topology: bare, flow: (t) => t.toVm('ec2-a'), expected: defaultDrop() },
  { name: 'no rule: VM → EC2 falls to the default uplink drop', topology: bare, flow: (t) => t.fromVm('ec2-a'), expected: defaultDrop() },

  // First match by ascending sequence number.
  {
    name: 'first match: a DROP at seq 5 before an ALLOW at seq 10 drops EC2 → VM',
    topology: bare,
    setup: (t) => {
      rule(t, 'allow-10', { sequenceNumber: 10 });
      rule(t, 'drop-5', { sequenceNumber: 5, action: 'DROP' });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('CGW_RULE_DROP', 'forward', rulePath('drop-5')),
  },
  {
    name: 'first match: an ALLOW at seq 5 before a DROP at seq 10 lets EC2 → VM through',
    topology: bare,
    setup: (t) => {
      rule(t, 'drop-10', { sequenceNumber: 10, action: 'DROP' });
      rule(t, 'allow-5', { sequenceNumber: 5 });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'cgw', id: rulePath('allow-5') },
  },
  {
    name: 'first match: a DROP at seq 5 before an ALLOW at seq 10 drops VM → EC2',
    topology: bare,
    setup: (t) => {
      rule(t, 'allow-10', { sequenceNumber: 10 });
      rule(t, 'drop-5', { sequenceNumber: 5, action: 'DROP' });
    },
    flow: (t) => t.fromVm('ec2-a'),
    expected: blocked('CGW_RULE_DROP', 'forward', rulePath('drop-5')),
  },
  {
    name: 'REJECT: a rejecting rule blocks EC2 → VM with its own code',
    topology: bare,
    setup: (t) => void rule(t, 'reject', { sequenceNumber: 5, action: 'REJECT' }),
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('CGW_RULE_REJECT', 'forward', rulePath('reject')),
  },
  {
    name: 'REJECT: a rejecting rule blocks VM → EC2 with its own code',
    topology: bare,
    setup: (t) => void rule(t, 'reject', { sequenceNumber: 5, action: 'REJECT', direction: 'OUT' }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: blocked('CGW_RULE_REJECT', 'forward', rulePath('reject')),
  },
  {
    name: 'disabled: a disabled DROP is skipped and the next rule allows',
    topology: bare,
    setup: (t) => {
      rule(t, 'drop-5', { sequenceNumber: 5, action: 'DROP', disabled: true });
      rule(t, 'allow-10', { sequenceNumber: 10 });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'cgw', id: rulePath('allow-10') },
  },

  // Scope (Applied To).
  {
    name: 'scope: a rule applied to the Internet interface (cgw-public) does not apply to VPC traffic',
    topology: bare,
    setup: (t) => void rule(t, 'public', { sequenceNumber: 10, scope: ['/infra/labels/cgw-public'] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'scope: a rule applied to All Uplinks (cgw-all) applies to VPC traffic',
    topology: bare,
    setup: (t) => void rule(t, 'all-uplinks', { sequenceNumber: 10, scope: ['/infra/labels/cgw-all'] }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'cgw', id: rulePath('all-uplinks') },
  },

  // Direction.
  {
    name: 'direction: an IN-only rule allows EC2 → VM',
    topology: bare,
    setup: (t) => void rule(t, 'in-only', { sequenceNumber: 10, direction: 'IN' }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'direction: an IN-only rule does not allow VM → EC2',
    topology: bare,
    setup: (t) => void rule(t, 'in-only', { sequenceNumber: 10, direction: 'IN' }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'direction: an OUT-only rule allows VM → EC2',
    topology: bare,
    setup: (t) => void rule(t, 'out-only', { sequenceNumber: 10, direction: 'OUT' }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'direction: an OUT-only DROP does not affect EC2 → VM',
    topology: bare,
    setup: (t) => {
      rule(t, 'drop-out', { sequenceNumber: 5, direction: 'OUT', action: 'DROP' });
      rule(t, 'allow', { sequenceNumber: 10 });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },

  // Services.
  {
    name: 'services: ICMP-ALL matches a ping',
    topology: bare,
    setup: (t) => void rule(t, 'icmp', { sequenceNumber: 10, services: ['/infra/services/ICMP-ALL'] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'services: HTTPS does not match a ping',
    topology: bare,
    setup: (t) => void rule(t, 'https', { sequenceNumber: 10, services: ['/infra/services/HTTPS'] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'services: HTTPS matches TCP 443',
    topology: bare,
    setup: (t) => void rule(t, 'https', { sequenceNumber: 10, services: ['/infra/services/HTTPS'] }),
    flow: (t) => t.fromVm('ec2-a', { protocol: 'tcp', port: 443 }),
    expected: 'reachable',
  },
  {
    name: 'services: a DROP of HTTPS does not drop a ping that a later rule allows',
    topology: bare,
    setup: (t) => {
      rule(t, 'drop-https', { sequenceNumber: 5, action: 'DROP', services: ['/infra/services/HTTPS'] });
      rule(t, 'allow', { sequenceNumber: 10 });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'cgw', id: rulePath('allow') },
  },

  // Sources and destinations.
  {
    name: 'literal: a source CIDR literal holding the instance matches',
    topology: bare,
    setup: (t) => void rule(t, 'literal', { sequenceNumber: 10, sourceGroups: ['10.0.1.0/24'] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'literal: a source CIDR literal not holding the instance does not match',
    topology: bare,
    setup: (t) => void rule(t, 'literal', { sequenceNumber: 10, sourceGroups: ['10.0.1.0/24'] }),
    flow: (t) => t.toVm('far'),
    expected: defaultDrop(),
  },
  {
    name: 'group by IP: a CIDR holding the VM matches',
    topology: bare,
    setup: inboundTo(ips('192.168.10.0/24')),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'group by IP: a range holding the VM matches',
    topology: bare,
    setup: inboundTo(ips('192.168.10.5-192.168.10.20')),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'group by IP: a range just above the VM does not match',
    topology: bare,
    setup: inboundTo(ips('192.168.10.11-192.168.10.20')),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'group by VM name: Name EQUALS vm-a matches',
    topology: bare,
    setup: inboundTo(vmWhere('Name', 'EQUALS', 'vm-a')),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'group by VM name: Name EQUALS vm-b does not match',
    topology: bare,
    setup: inboundTo(vmWhere('Name', 'EQUALS', 'vm-b')),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'group by VM name: Name STARTSWITH vm- matches',
    topology: bare,
    setup: inboundTo(vmWhere('Name', 'STARTSWITH', 'vm-')),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'group by VM name: Name STARTSWITH web- does not match',
    topology: bare,
    setup: inboundTo(vmWhere('Name', 'STARTSWITH', 'web-')),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'group by tag: Tag env|test matches the VM tagged scope env, tag test',
    topology: bare,
    setup: inboundTo(vmWhere('Tag', 'EQUALS', 'env|test')),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'group by tag: Tag env|prod does not match',
    topology: bare,
    setup: inboundTo(vmWhere('Tag', 'EQUALS', 'env|prod')),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'group by segment: a PathExpression with the segment path matches its VM',
    topology: bare,
    setup: (t) => inboundTo(paths(t.segment.path))(t),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'group by segment: a PathExpression with another segment path does not match',
    topology: bare,
    setup: inboundTo(paths('/infra/tier-1s/cgw/segments/other')),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'nested group: a PathExpression naming a group that holds the VM matches',
    topology: bare,
    setup: (t) => inboundTo(paths(group(t, 'inner', vmWhere('Name', 'EQUALS', 'vm-a'))))(t),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'nested group: a PathExpression naming a group that does not hold the VM does not match',
    topology: bare,
    setup: (t) => inboundTo(paths(group(t, 'inner', vmWhere('Name', 'EQUALS', 'vm-b'))))(t),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'conjunction: Name vm-a AND tag env|prod does not match vm-a (tagged env|test)',
    topology: bare,
    setup: inboundTo(vmWhere('Name', 'EQUALS', 'vm-a'), and, vmWhere('Tag', 'EQUALS', 'env|prod')),
    flow: (t) => t.toVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'conjunction: Name vm-a AND tag env|test matches',
    topology: bare,
    setup: inboundTo(vmWhere('Name', 'EQUALS', 'vm-a'), and, vmWhere('Tag', 'EQUALS', 'env|test')),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'conjunction: Name vm-b OR tag env|test matches',
    topology: bare,
    setup: inboundTo(vmWhere('Name', 'EQUALS', 'vm-b'), or, vmWhere('Tag', 'EQUALS', 'env|test')),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'connected_vpc: the system group as source matches an instance of the connected VPC (EC2 → VM)',
    topology: bare,
    setup: (t) => void rule(t, 'from-vpc', { sequenceNumber: 10, direction: 'IN', sourceGroups: [connectedVpcGroupPath] }),
    flow: (t) => t.toVm('far'),
    expected: 'reachable',
    matched: { kind: 'cgw', id: rulePath('from-vpc') },
  },
  {
    name: 'connected_vpc: the system group as source does not match a VM (VM → EC2)',
    topology: bare,
    setup: (t) => void rule(t, 'from-vpc', { sequenceNumber: 10, sourceGroups: [connectedVpcGroupPath] }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: defaultDrop(),
  },
  {
    name: 'connected_vpc: the system group as destination matches VM → EC2',
    topology: bare,
    setup: (t) => void rule(t, 'to-vpc', { sequenceNumber: 10, direction: 'OUT', destinationGroups: [connectedVpcGroupPath] }),
    flow: (t) => t.fromVm('far'),
    expected: 'reachable',
  },
  {
    name: 'sources_excluded: a DROP for everyone except the connected subnet does not drop an instance in it',
    topology: bare,
    setup: (t) => {
      rule(t, 'drop-others', {
        sequenceNumber: 5,
        action: 'DROP',
        sourceGroups: [group(t, 'trusted', ips('10.0.1.0/24'))],
        sourcesExcluded: true,
      });
      rule(t, 'allow', { sequenceNumber: 10 });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'cgw', id: rulePath('allow') },
  },
  {
    name: 'sources_excluded: a DROP for everyone except the connected subnet drops an instance of the other subnet',
    topology: bare,
    setup: (t) => {
      rule(t, 'drop-others', {
        sequenceNumber: 5,
        action: 'DROP',
        sourceGroups: [group(t, 'trusted', ips('10.0.1.0/24'))],
        sourcesExcluded: true,
      });
      rule(t, 'allow', { sequenceNumber: 10 });
    },
    flow: (t) => t.toVm('far'),
    expected: blocked('CGW_RULE_DROP', 'forward', rulePath('drop-others')),
  },
  {
    name: 'VM → EC2 matches an OUT rule from a VM-name group to connected_vpc',
    topology: bare,
    setup: (t) =>
      void rule(t, 'vm-out', {
        sequenceNumber: 10,
        direction: 'OUT',
        sourceGroups: [group(t, 'vms', vmWhere('Name', 'EQUALS', 'vm-a'))],
        destinationGroups: [connectedVpcGroupPath],
      }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
  },
];

describe('compute gateway firewall semantics', () => {
  test.each(cases)('$name', (c) => {
    const r = runCase(c);
    expect(r.outcome).toEqual(r.expected);
    if (r.matched) expect(r.matched.actual).toBe(r.matched.expected);
  });
});
