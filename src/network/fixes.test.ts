// Suggested fixes: the article's fix for ENI_SG_INGRESS_NO_MATCH in the EC2 API's own shape, and for
// every blocked scenario whose fix is an API call the world models, applying it opens the flow; and the
// edges where a naive fix would not (no rule number or sequence number left below the blocking rule,
// routes to prefix lists, custom route tables while the segment is disconnected).
import {
  associateNetworkAcl,
  associateRouteTable,
  createManagedPrefixList,
  createNetworkAcl,
  createNetworkAclEntry,
  createRoute,
  createRouteTable,
  patchCgwRule,
  setActiveEni,
} from '../world';
import { evaluate } from './evaluate';
import { applyFix, fixIsApplicable } from './test-support/apply-fix';
import { blockedScenarios, scenarioTitle } from './test-support/blocked-scenarios';
import { buildTopology, vpcInterface, type Topology } from './test-support/topology';

const articleB = (): Topology =>
  buildTopology({ securityGroups: { 'CJ-SG': { rules: 'allow-all' } }, instances: { 'CJ-AWS02': { groups: ['CJ-SG'] } } });

describe('the fix for ENI_SG_INGRESS_NO_MATCH (article case B → C)', () => {
  test("is AuthorizeSecurityGroupIngress on the default SG with the source instance's SG as the peer group", () => {
    const t = articleB();
    const fix = evaluate(t.world, t.toVm('CJ-AWS02')).blockedBy!.fix;
    expect(fix).toMatchObject({ api: 'ec2', action: 'AuthorizeSecurityGroupIngress', params: { GroupId: t.defaultSg.groupId } });
    const perms = fix.params.IpPermissions as { IpProtocol: string; UserIdGroupPairs: { GroupId: string }[] }[];
    expect(perms[0]!.UserIdGroupPairs[0]!.GroupId).toBe(t.sgs['CJ-SG']!.groupId);
    expect(perms[0]!.IpProtocol).toBe('icmp');
  });

  test('applied through authorizeSecurityGroupIngress, it makes EC2 → VM reachable', () => {
    const t = articleB();
    applyFix(t.world, evaluate(t.world, t.toVm('CJ-AWS02')).blockedBy!.fix);
    expect(evaluate(t.world, t.toVm('CJ-AWS02')).reachable).toBe(true);
  });

  test("for TCP it opens the flow's port only", () => {
    const t = articleB();
    applyFix(t.world, evaluate(t.world, t.toVm('CJ-AWS02', { protocol: 'tcp', port: 443 })).blockedBy!.fix);
    expect(evaluate(t.world, t.toVm('CJ-AWS02', { protocol: 'tcp', port: 443 })).reachable).toBe(true);
    expect(evaluate(t.world, t.toVm('CJ-AWS02', { protocol: 'tcp', port: 22 })).blockedBy?.code).toBe('ENI_SG_INGRESS_NO_MATCH');
  });
});

describe('applying the suggested fix opens the flow', () => {
  const applicable = blockedScenarios.filter((s) => {
    const { t, flow } = s.build();
    return fixIsApplicable(evaluate(t.world, flow).blockedBy!.fix);
  });

  test.each(applicable.map((s) => [scenarioTitle(s), s] as const))('%s', (_title, s) => {
    const { t, flow } = s.build();
    applyFix(t.world, evaluate(t.world, flow).blockedBy!.fix);
    const after = evaluate(t.world, flow);
    expect(after.blockedBy).toBeNull();
  });

  test("only the guest firewall fixes are outside the world's operations", () => {
    const outside = blockedScenarios.filter((s) => !applicable.includes(s)).map((s) => s.code);
    expect(new Set(outside)).toEqual(new Set(['GUEST_FIREWALL_DROP']));
  });

  test('the guest firewall fix names the host and the source to allow', () => {
    const t = buildTopology({ vm: { guestFirewall: { defaultInbound: 'drop', rules: [] } } });
    const fix = evaluate(t.world, t.toVm('ec2-a')).blockedBy!.fix;
    expect(fix).toMatchObject({
      api: 'guest-os',
      params: { host: 'vm-a', source: t.instances['ec2-a']!.privateIpAddress, protocol: 'icmp' },
    });
  });
});

/** A custom table for the other subnet whose only SDDC-bound route is to a prefix list holding the segment. */
function prefixListRoute(t: Topology, target: { gatewayId: string } | { networkInterfaceId: string }): void {
  const rt = createRouteTable(t.world, { vpcId: t.vpc.vpcId });
  const pl = createManagedPrefixList(t.world, { prefixListName: 'sddc', entries: [{ cidr: '192.168.0.0/16' }] });
  createRoute(t.world, { routeTableId: rt.routeTableId, destinationPrefixListId: pl.prefixListId, ...target });
  associateRouteTable(t.world, { routeTableId: rt.routeTableId, subnetId: t.otherSubnet.subnetId });
}

const edges: { name: string; instance?: string; setup: (t: Topology) => void; code: string; fix: Record<string, unknown> }[] = [
  {
    name: 'a CGW DROP at sequence 1: the allow goes to sequence 0, not a tie evaluated after the drop',
    setup: (t) => void patchCgwRule(t.world, 'drop', { sequenceNumber: 1, scope: [vpcInterface], action: 'DROP' }),
    code: 'CGW_RULE_DROP',
    fix: { api: 'nsx', params: { sequence_number: 0, action: 'ALLOW', direction: 'IN' } },
  },
  {
    name: 'a NACL deny at rule 1: with no free number below it, the deny is replaced by the allow',
    instance: 'far',
    setup: (t) => {
      const acl = createNetworkAcl(t.world, { vpcId: t.vpc.vpcId });
      createNetworkAclEntry(t.world, acl.networkAclId, {
        ruleNumber: 1,
        protocol: '-1',
        ruleAction: 'deny',
        egress: true,
        cidrBlock: '0.0.0.0/0',
      });
      createNetworkAclEntry(t.world, acl.networkAclId, {
        ruleNumber: 100,
        protocol: '-1',
        ruleAction: 'allow',
        egress: true,
        cidrBlock: '0.0.0.0/0',
      });
      createNetworkAclEntry(t.world, acl.networkAclId, {
        ruleNumber: 100,
        protocol: '-1',
        ruleAction: 'allow',
        egress: false,
        cidrBlock: '0.0.0.0/0',
      });
      associateNetworkAcl(t.world, acl.networkAclId, t.otherSubnet.subnetId);
    },
    code: 'NACL_OUTBOUND_DENY',
    fix: { action: 'ReplaceNetworkAclEntry', params: { RuleNumber: 1, RuleAction: 'allow', Egress: true, CidrBlock: '192.168.10.10/32' } },
  },
  {
    name: 'a prefix-list route to an internet gateway: the route is replaced by its prefix list id',
    instance: 'far',
    setup: (t) => prefixListRoute(t, { gatewayId: 'igw-0123456789abcdef0' }),
    code: 'NO_ROUTE',
    fix: { action: 'ReplaceRoute', params: { DestinationPrefixListId: expect.stringMatching(/^pl-/) } },
  },
  {
    name: 'a prefix-list route left on the old ENI after failover: the route is replaced by its prefix list id',
    instance: 'far',
    setup: (t) => {
      prefixListRoute(t, { networkInterfaceId: t.activeEni });
      setActiveEni(t.world, t.inactiveEni);
    },
    code: 'ROUTE_TO_INACTIVE_ENI',
    fix: { action: 'ReplaceRoute', params: { DestinationPrefixListId: expect.stringMatching(/^pl-/) } },
  },
];

describe('fixes at the edges', () => {
  test.each(edges)('$name', ({ instance = 'ec2-a', setup, code, fix }) => {
    const t = buildTopology({ instances: { 'ec2-a': {}, far: { subnet: 'other' } } });
    setup(t);
    const flow = t.toVm(instance);
    const block = evaluate(t.world, flow).blockedBy!;
    expect(block).toMatchObject({ code, fix });
    applyFix(t.world, block.fix);
    expect(evaluate(t.world, flow).blockedBy).toBeNull();
  });

  test('a disconnected segment seen from a custom route table is NO_ROUTE there, then SEGMENT_DISCONNECTED once the route exists', () => {
    const t = buildTopology({ segmentConnectivity: 'OFF', instances: { far: { subnet: 'other' } } });
    const rt = createRouteTable(t.world, { vpcId: t.vpc.vpcId });
    associateRouteTable(t.world, { routeTableId: rt.routeTableId, subnetId: t.otherSubnet.subnetId });
    const first = evaluate(t.world, t.toVm('far'));
    expect(first.blockedBy).toMatchObject({ code: 'NO_ROUTE', resource: { id: rt.routeTableId } });
    applyFix(t.world, first.blockedBy!.fix);
    const second = evaluate(t.world, t.toVm('far'));
    expect(second.blockedBy).toMatchObject({ code: 'SEGMENT_DISCONNECTED', resource: { type: 'segment', id: t.segment.path } });
    applyFix(t.world, second.blockedBy!.fix);
    expect(evaluate(t.world, t.toVm('far')).reachable).toBe(true);
  });
});
