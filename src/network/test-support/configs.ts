// Random configurations over the base test topology (test code only; shared by the engine's property
// tests and the lab's oracle): extra SG rules by CIDR, reference and prefix list; revoked default rules;
// custom NACLs; CGW rules of every kind; segment connectivity; route table choice and failover; endpoint
// states. build() turns one into a world and the flows between its two instances and two VMs.
import fc from 'fast-check';
import {
  associateNetworkAcl,
  associateRouteTable,
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  connectedVpcGroupPath,
  createManagedPrefixList,
  createNetworkAcl,
  createNetworkAclEntry,
  createRoute,
  createRouteTable,
  isWorldError,
  patchCgwRule,
  patchGroup,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
  setActiveEni,
  stopInstances,
  type CgwAction,
  type CgwDirection,
  type IpPermission,
  type NaclEntry,
} from '../../world';
import type { Flow } from '../flow';
import { buildTopology, vpcInterface, type Topology } from './topology';

// ---- the configuration space -------------------------------------------------------------------

const cidrPool = [
  '0.0.0.0/0',
  '10.0.0.0/16',
  '10.0.1.0/24',
  '10.0.2.0/24',
  '192.168.10.0/24',
  '192.168.10.10/32',
  '192.168.10.20/32',
  '192.168.0.0/16',
  '172.16.0.0/12',
];
const groupNames = ['default', 'app', 'other'] as const;
type GroupName = (typeof groupNames)[number];

export const sgRuleArb = fc.record({
  group: fc.constantFrom<GroupName>(...groupNames),
  egress: fc.boolean(),
  protocol: fc.constantFrom('-1', 'icmp', 'tcp', 'udp'),
  icmpType: fc.constantFrom(-1, 0, 3, 8),
  ports: fc.constantFrom<[number, number]>([0, 65535], [443, 443], [22, 22], [1024, 65535], [53, 53]),
  peer: fc.oneof(
    fc.record({ cidr: fc.constantFrom(...cidrPool) }),
    fc.record({ ref: fc.constantFrom<GroupName>(...groupNames) }),
    fc.record({ prefixList: fc.constantFrom('sddc', 'vpc') }),
  ),
});
export type SgRule = typeof sgRuleArb extends fc.Arbitrary<infer T> ? T : never;

export const naclEntryArb = fc.record({
  ruleNumber: fc.integer({ min: 1, max: 12 }),
  action: fc.constantFrom<'allow' | 'deny'>('allow', 'deny'),
  egress: fc.boolean(),
  protocol: fc.constantFrom('-1', '1', '6'),
  icmpType: fc.constantFrom(-1, 0, 8),
  ports: fc.constantFrom<[number, number]>([0, 65535], [443, 443], [1024, 65535]),
  cidr: fc.constantFrom(...cidrPool),
});
export const naclArb = fc.option(
  fc.record({ entries: fc.array(naclEntryArb, { maxLength: 6 }), openAt: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }),
  { nil: undefined },
);

const cgwEndpointPool = [
  'ANY',
  connectedVpcGroupPath,
  'g-vm-a',
  'g-segment',
  'g-subnet-1',
  'g-prod',
  'g-nested',
  '10.0.2.0/24',
  '192.168.10.10',
];
export const cgwRuleArb = (minSeq: number) =>
  fc.record({
    sequenceNumber: fc.oneof(fc.integer({ min: minSeq, max: minSeq + 2 }), fc.integer({ min: minSeq, max: 100 })),
    action: fc.constantFrom<CgwAction>('ALLOW', 'DROP', 'REJECT'),
    direction: fc.constantFrom<CgwDirection>('IN', 'OUT', 'IN_OUT'),
    scope: fc.constantFrom(vpcInterface, '/infra/labels/cgw-all', '/infra/labels/cgw-public', '/infra/labels/cgw-direct-connect'),
    source: fc.constantFrom(...cgwEndpointPool),
    destination: fc.constantFrom(...cgwEndpointPool),
    service: fc.constantFrom(
      'ANY',
      '/infra/services/ICMP-ALL',
      '/infra/services/ICMP_Echo_Request',
      '/infra/services/HTTPS',
      '/infra/services/SSH',
    ),
    sourcesExcluded: fc.boolean(),
    disabled: fc.boolean(),
  });
export type CgwRuleSpec = typeof cgwRuleArb extends (n: number) => fc.Arbitrary<infer T> ? T : never;

const rarely = fc.constantFrom(false, false, false, true);
export const configArb = (minSeq = 1) =>
  fc.record({
    sgRules: fc.array(sgRuleArb, { maxLength: 6 }),
    revokeDefaultIngress: rarely,
    revokeDefaultEgress: rarely,
    revokeAppEgress: rarely,
    /** `app` (the far instance's group) admits everything; the default SG admits `app` (article case C). */
    openApp: fc.boolean(),
    articleFix: fc.boolean(),
    naclConnected: naclArb,
    naclOther: naclArb,
    baseCgw: fc.constantFrom(true, true, false),
    cgwRules: fc.array(cgwRuleArb(minSeq), { maxLength: 6 }),
    segmentOn: fc.constantFrom(true, true, true, false),
    otherTable: fc.constantFrom('main', 'custom-empty', 'custom-copy', 'custom-to-igw', 'custom-list-copy', 'custom-list-to-igw'),
    mainOverride: fc.constantFrom('none', 'none', 'none', 'segment-half', 'other-subnet', 'other-subnet-list'),
    failover: rarely,
    vmOff: rarely,
    farStopped: rarely,
  });
export type Config = typeof configArb extends (n?: number) => fc.Arbitrary<infer T> ? T : never;

// ---- building a world from a configuration -----------------------------------------------------

/** Runs a world operation that a random configuration may legitimately make fail (a duplicate rule). */
export function tolerate(op: () => unknown): void {
  try {
    op();
  } catch (e) {
    if (!isWorldError(e)) throw e;
  }
}

export const groupIdOf = (t: Topology, g: GroupName): string => (g === 'default' ? t.defaultSg.groupId : t.sgs[g]!.groupId);

export function addSgRule(t: Topology, r: SgRule, prefixLists: Record<string, string>): void {
  const ports =
    r.protocol === 'icmp' ? { fromPort: r.icmpType, toPort: -1 } : r.protocol === '-1' ? {} : { fromPort: r.ports[0], toPort: r.ports[1] };
  const peer =
    'cidr' in r.peer
      ? { ipRanges: [{ cidrIp: r.peer.cidr }] }
      : 'ref' in r.peer
        ? { userIdGroupPairs: [{ groupId: groupIdOf(t, r.peer.ref) }] }
        : { prefixListIds: [{ prefixListId: prefixLists[r.peer.prefixList]! }] };
  const perm: IpPermission = { ipProtocol: r.protocol, ...ports, ...peer };
  tolerate(() => (r.egress ? authorizeSecurityGroupEgress : authorizeSecurityGroupIngress)(t.world, groupIdOf(t, r.group), [perm]));
}

function naclEntry(e: Config['naclConnected'] extends infer N ? (N extends { entries: (infer E)[] } ? E : never) : never): NaclEntry {
  return {
    ruleNumber: e.ruleNumber,
    protocol: e.protocol,
    ruleAction: e.action,
    egress: e.egress,
    cidrBlock: e.cidr,
    ...(e.protocol === '1' ? { icmpTypeCode: { type: e.icmpType, code: -1 } } : {}),
    ...(e.protocol === '6' ? { portRange: { from: e.ports[0], to: e.ports[1] } } : {}),
  };
}

function applyNacl(t: Topology, subnetId: string, spec: Config['naclConnected']): void {
  if (!spec) return;
  const acl = createNetworkAcl(t.world, { vpcId: t.vpc.vpcId });
  for (const e of spec.entries) tolerate(() => createNetworkAclEntry(t.world, acl.networkAclId, naclEntry(e)));
  if (spec.openAt !== undefined) {
    for (const egress of [false, true])
      tolerate(() =>
        createNetworkAclEntry(t.world, acl.networkAclId, {
          ruleNumber: spec.openAt!,
          protocol: '-1',
          ruleAction: 'allow',
          egress,
          cidrBlock: '0.0.0.0/0',
        }),
      );
  }
  associateNetworkAcl(t.world, acl.networkAclId, subnetId);
}

function cgwEndpoint(t: Topology, v: string): string {
  return v.startsWith('g-') ? `/infra/domains/cgw/groups/${v}` : v;
}

export function addCgwRule(t: Topology, id: string, r: CgwRuleSpec): void {
  patchCgwRule(t.world, id, {
    sequenceNumber: r.sequenceNumber,
    action: r.action,
    direction: r.direction,
    scope: [r.scope],
    sourceGroups: [cgwEndpoint(t, r.source)],
    destinationGroups: [cgwEndpoint(t, r.destination)],
    services: [r.service],
    sourcesExcluded: r.sourcesExcluded && r.source !== 'ANY',
    disabled: r.disabled,
  });
}

export interface Built {
  t: Topology;
  flows: Flow[];
}

export function build(c: Config): Built {
  const t = buildTopology({
    cgw: c.baseCgw ? 'allow-all' : 'none',
    segmentConnectivity: c.segmentOn ? 'ON' : 'OFF',
    vm: c.vmOff ? { powerState: 'VM_STOPPED' } : {},
    vms: { 'vm-b': { ip: '192.168.10.20', tags: [{ scope: 'env', tag: 'prod' }] } },
    securityGroups: { app: { rules: 'egress-only' }, other: { rules: 'egress-only' } },
    instances: { near: {}, far: { subnet: 'other', groups: ['app'] } },
  });
  const w = t.world;
  const prefixLists = {
    sddc: createManagedPrefixList(w, { prefixListName: 'sddc', entries: [{ cidr: '192.168.10.0/24' }] }).prefixListId,
    vpc: createManagedPrefixList(w, { prefixListName: 'vpc', entries: [{ cidr: '10.0.0.0/16' }] }).prefixListId,
  };
  const group = (id: string, expression: Parameters<typeof patchGroup>[3]['expression']) =>
    patchGroup(w, 'cgw', id, { expression: expression! });
  group('g-vm-a', [{ resourceType: 'Condition', memberType: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: 'vm-a' }]);
  group('g-segment', [{ resourceType: 'PathExpression', paths: [t.segment.path] }]);
  group('g-subnet-1', [{ resourceType: 'IPAddressExpression', ipAddresses: ['10.0.1.0/24'] }]);
  group('g-prod', [{ resourceType: 'Condition', memberType: 'VirtualMachine', key: 'Tag', operator: 'EQUALS', value: 'env|prod' }]);
  group('g-nested', [
    { resourceType: 'PathExpression', paths: ['/infra/domains/cgw/groups/g-prod', '/infra/domains/cgw/groups/g-subnet-1'] },
  ]);

  if (c.revokeDefaultIngress)
    revokeSecurityGroupIngress(w, t.defaultSg.groupId, {
      securityGroupRuleIds: t.defaultSg.rules.filter((r) => !r.isEgress).map((r) => r.securityGroupRuleId),
    });
  if (c.revokeDefaultEgress)
    revokeSecurityGroupEgress(w, t.defaultSg.groupId, {
      securityGroupRuleIds: t.defaultSg.rules.filter((r) => r.isEgress).map((r) => r.securityGroupRuleId),
    });
  if (c.revokeAppEgress)
    revokeSecurityGroupEgress(w, t.sgs.app!.groupId, {
      securityGroupRuleIds: t.sgs.app!.rules.filter((r) => r.isEgress).map((r) => r.securityGroupRuleId),
    });
  if (c.openApp) authorizeSecurityGroupIngress(w, t.sgs.app!.groupId, [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }]);
  if (c.articleFix)
    authorizeSecurityGroupIngress(w, t.defaultSg.groupId, [{ ipProtocol: '-1', userIdGroupPairs: [{ groupId: t.sgs.app!.groupId }] }]);
  for (const r of c.sgRules) addSgRule(t, r, prefixLists);

  applyNacl(t, t.connectedSubnet.subnetId, c.naclConnected);
  applyNacl(t, t.otherSubnet.subnetId, c.naclOther);

  c.cgwRules.forEach((r, i) => addCgwRule(t, `rule-${i}`, r));

  const igw = { gatewayId: 'igw-0123456789abcdef0' };
  const sddcList = { destinationPrefixListId: prefixLists.sddc };
  if (c.otherTable !== 'main') {
    const routeTableId = createRouteTable(w, { vpcId: t.vpc.vpcId }).routeTableId;
    if (c.otherTable === 'custom-copy')
      createRoute(w, { routeTableId, destinationCidrBlock: '192.168.10.0/24', networkInterfaceId: t.activeEni });
    if (c.otherTable === 'custom-to-igw') createRoute(w, { routeTableId, destinationCidrBlock: '192.168.0.0/16', ...igw });
    if (c.otherTable === 'custom-list-copy') createRoute(w, { routeTableId, ...sddcList, networkInterfaceId: t.activeEni });
    if (c.otherTable === 'custom-list-to-igw') createRoute(w, { routeTableId, ...sddcList, ...igw });
    associateRouteTable(w, { routeTableId, subnetId: t.otherSubnet.subnetId });
  }
  const main = { routeTableId: t.mainRouteTable.routeTableId };
  if (c.mainOverride === 'segment-half') createRoute(w, { ...main, destinationCidrBlock: '192.168.10.0/25', ...igw });
  if (c.mainOverride === 'other-subnet') createRoute(w, { ...main, destinationCidrBlock: '10.0.2.0/24', ...igw });
  if (c.mainOverride === 'other-subnet-list') {
    const list = createManagedPrefixList(w, { prefixListName: 'other-subnet', entries: [{ cidr: '10.0.2.0/24' }] });
    createRoute(w, { ...main, destinationPrefixListId: list.prefixListId, ...igw });
  }
  if (c.failover) setActiveEni(w, t.inactiveEni);
  if (c.farStopped) stopInstances(w, [t.instances.far!.instanceId]);

  const flows: Flow[] = [];
  for (const inst of ['near', 'far']) {
    for (const vm of ['vm-a', 'vm-b']) {
      for (const proto of [{}, { protocol: 'tcp' as const, port: 443 }]) {
        flows.push(t.toVm(inst, { vm, ...proto }), t.fromVm(inst, { vm, ...proto }));
      }
    }
  }
  return { t, flows };
}
