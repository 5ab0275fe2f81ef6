// One blocked flow per reason code, flow direction and path where the engine can block (test code
// only): each a base topology with a single change that blocks it, so the verdict's structure and its
// suggested fix can be checked code by code. `out` is EC2 instance → SDDC VM, `in` is VM → instance.
import {
  associateNetworkAcl,
  associateRouteTable,
  authorizeSecurityGroupIngress,
  createNetworkAcl,
  createNetworkAclEntry,
  createRoute,
  createRouteTable,
  patchCgwRule,
  patchDfwPolicy,
  patchDfwRule,
  setActiveEni,
  stopInstances,
  type NaclEntry,
} from '../../world';
import type { Flow } from '../flow';
import type { ReasonCode } from '../reason-codes';
import type { PathDirection } from '../verdict';
import { buildTopology, revokeAll, vpcInterface, type Topology, type TopologyOptions } from './topology';

export interface BlockedScenario {
  name: string;
  code: ReasonCode;
  /** `out`: instance → VM; `in`: VM → instance. */
  flow: 'out' | 'in';
  path: PathDirection;
  build(): { t: Topology; flow: Flow };
}

const far: TopologyOptions = { instances: { far: { subnet: 'other' } } };

/** A custom ACL on a subnet: allow all both ways except the given entries (numbered below 100). */
function aclWith(t: Topology, subnet: 'connected' | 'other', entries: NaclEntry[]): void {
  const acl = createNetworkAcl(t.world, { vpcId: t.vpc.vpcId });
  createNetworkAclEntry(t.world, acl.networkAclId, {
    ruleNumber: 100,
    protocol: '-1',
    ruleAction: 'allow',
    egress: false,
    cidrBlock: '0.0.0.0/0',
  });
  createNetworkAclEntry(t.world, acl.networkAclId, {
    ruleNumber: 100,
    protocol: '-1',
    ruleAction: 'allow',
    egress: true,
    cidrBlock: '0.0.0.0/0',
  });
  for (const e of entries) createNetworkAclEntry(t.world, acl.networkAclId, e);
  associateNetworkAcl(t.world, acl.networkAclId, subnet === 'connected' ? t.connectedSubnet.subnetId : t.otherSubnet.subnetId);
}
const denyAll = (egress: boolean, cidrBlock: string): NaclEntry => ({
  ruleNumber: 50,
  protocol: '-1',
  ruleAction: 'deny',
  egress,
  cidrBlock,
});
const denyIcmp = (egress: boolean, cidrBlock: string, type: number): NaclEntry => ({
  ruleNumber: 50,
  protocol: '1',
  ruleAction: 'deny',
  egress,
  cidrBlock,
  icmpTypeCode: { type, code: -1 },
});

/** A custom route table for the other subnet, optionally with the SDDC route copied from the main table. */
function customTable(t: Topology, withSddcRoute: boolean): void {
  const rt = createRouteTable(t.world, { vpcId: t.vpc.vpcId });
  if (withSddcRoute)
    createRoute(t.world, { routeTableId: rt.routeTableId, destinationCidrBlock: '192.168.10.0/24', networkInterfaceId: t.activeEni });
  associateRouteTable(t.world, { routeTableId: rt.routeTableId, subnetId: t.otherSubnet.subnetId });
}

function scenario(
  name: string,
  code: ReasonCode,
  flow: 'out' | 'in',
  path: PathDirection,
  options: TopologyOptions,
  change: (t: Topology) => void,
  instance = 'ec2-a',
): BlockedScenario {
  return {
    name,
    code,
    flow,
    path,
    build() {
      const t = buildTopology(options);
      change(t);
      return { t, flow: flow === 'out' ? t.toVm(instance) : t.fromVm(instance) };
    },
  };
}

const articleB: TopologyOptions = { securityGroups: { 'CJ-SG': { rules: 'allow-all' } }, instances: { 'ec2-a': { groups: ['CJ-SG'] } } };
const appSg: TopologyOptions = { securityGroups: { app: { rules: 'egress-only' } }, instances: { 'ec2-a': { groups: ['app'] } } };
const noChange = (): void => undefined;
const igw = 'igw-0123456789abcdef0';
const dfwRule =
  (action: 'DROP' | 'REJECT') =>
  (t: Topology): void =>
    void patchDfwPolicy(t.world, 'app', {
      category: 'Application',
      sequenceNumber: 10,
      rules: [{ id: 'block', action, sequenceNumber: 1 }],
    });
const dfwDefaultDrop = (t: Topology): void =>
  void patchDfwRule(t.world, 'default-layer3-section', 'default-layer3-rule', { action: 'DROP' });

export const blockedScenarios: BlockedScenario[] = [
  scenario('custom route table without the SDDC route', 'NO_ROUTE', 'out', 'forward', far, (t) => customTable(t, false), 'far'),
  scenario('custom route table without the SDDC route', 'NO_ROUTE', 'in', 'return', far, (t) => customTable(t, false), 'far'),
  scenario(
    'a more specific route to an internet gateway',
    'NO_ROUTE',
    'out',
    'forward',
    {},
    (t) =>
      void createRoute(t.world, { routeTableId: t.mainRouteTable.routeTableId, destinationCidrBlock: '192.168.10.0/25', gatewayId: igw }),
  ),
  scenario(
    'a more specific route overriding the local route for the instance subnet',
    'NO_ROUTE',
    'out',
    'return',
    far,
    (t) => void createRoute(t.world, { routeTableId: t.mainRouteTable.routeTableId, destinationCidrBlock: '10.0.2.0/24', gatewayId: igw }),
    'far',
  ),
  scenario(
    'a more specific route overriding the local route for the instance subnet',
    'NO_ROUTE',
    'in',
    'forward',
    far,
    (t) => void createRoute(t.world, { routeTableId: t.mainRouteTable.routeTableId, destinationCidrBlock: '10.0.2.0/24', gatewayId: igw }),
    'far',
  ),
  scenario(
    'a copied route left on the old ENI after failover',
    'ROUTE_TO_INACTIVE_ENI',
    'out',
    'forward',
    far,
    (t) => {
      customTable(t, true);
      setActiveEni(t.world, t.inactiveEni);
    },
    'far',
  ),
  scenario(
    'a copied route left on the old ENI after failover',
    'ROUTE_TO_INACTIVE_ENI',
    'in',
    'return',
    far,
    (t) => {
      customTable(t, true);
      setActiveEni(t.world, t.inactiveEni);
    },
    'far',
  ),
  scenario('the instance SG without egress rules', 'SG_EGRESS_NO_MATCH', 'out', 'forward', appSg, (t) => {
    authorizeSecurityGroupIngress(t.world, t.defaultSg.groupId, [
      { ipProtocol: '-1', userIdGroupPairs: [{ groupId: t.sgs.app!.groupId }] },
    ]);
    revokeAll(t.world, t.sgs.app!, true);
  }),
  scenario('the instance SG without a rule for the VM', 'SG_INGRESS_NO_MATCH', 'in', 'forward', appSg, noChange),
  scenario('article case B', 'ENI_SG_INGRESS_NO_MATCH', 'out', 'forward', articleB, noChange),
  scenario('the default SG without egress rules', 'ENI_SG_EGRESS_NO_MATCH', 'in', 'forward', {}, (t) =>
    revokeAll(t.world, t.defaultSg, true),
  ),
  scenario(
    'the instance subnet ACL denying the request out',
    'NACL_OUTBOUND_DENY',
    'out',
    'forward',
    far,
    (t) => aclWith(t, 'other', [denyAll(true, '192.168.10.0/24')]),
    'far',
  ),
  scenario(
    'the instance subnet ACL denying the reply out',
    'NACL_OUTBOUND_DENY',
    'in',
    'return',
    far,
    (t) => aclWith(t, 'other', [denyIcmp(true, '192.168.10.0/24', 0)]),
    'far',
  ),
  scenario(
    'the cross-link subnet ACL denying the request out',
    'NACL_OUTBOUND_DENY',
    'in',
    'forward',
    far,
    (t) => aclWith(t, 'connected', [denyAll(true, '10.0.2.0/24')]),
    'far',
  ),
  scenario(
    'the cross-link subnet ACL denying the reply out',
    'NACL_OUTBOUND_DENY',
    'out',
    'return',
    far,
    (t) => aclWith(t, 'connected', [denyIcmp(true, '10.0.2.0/24', 0)]),
    'far',
  ),
  scenario(
    'the instance subnet ACL denying the request in',
    'NACL_INBOUND_DENY',
    'in',
    'forward',
    far,
    (t) => aclWith(t, 'other', [denyAll(false, '192.168.10.0/24')]),
    'far',
  ),
  scenario(
    'the instance subnet ACL denying the reply in',
    'NACL_INBOUND_DENY',
    'out',
    'return',
    far,
    (t) => aclWith(t, 'other', [denyIcmp(false, '192.168.10.0/24', 0)]),
    'far',
  ),
  scenario(
    'the cross-link subnet ACL denying the request in',
    'NACL_INBOUND_DENY',
    'out',
    'forward',
    far,
    (t) => aclWith(t, 'connected', [denyAll(false, '10.0.2.0/24')]),
    'far',
  ),
  scenario(
    'the cross-link subnet ACL denying the reply in',
    'NACL_INBOUND_DENY',
    'in',
    'return',
    far,
    (t) => aclWith(t, 'connected', [denyIcmp(false, '10.0.2.0/24', 0)]),
    'far',
  ),
  scenario(
    'a CGW DROP before the allow',
    'CGW_RULE_DROP',
    'out',
    'forward',
    {},
    (t) => void patchCgwRule(t.world, 'drop', { sequenceNumber: 5, scope: [vpcInterface], action: 'DROP' }),
  ),
  scenario(
    'a CGW DROP before the allow',
    'CGW_RULE_DROP',
    'in',
    'forward',
    {},
    (t) => void patchCgwRule(t.world, 'drop', { sequenceNumber: 5, scope: [vpcInterface], action: 'DROP' }),
  ),
  scenario(
    'a CGW REJECT before the allow',
    'CGW_RULE_REJECT',
    'out',
    'forward',
    {},
    (t) => void patchCgwRule(t.world, 'reject', { sequenceNumber: 5, scope: [vpcInterface], action: 'REJECT' }),
  ),
  scenario(
    'a CGW REJECT before the allow',
    'CGW_RULE_REJECT',
    'in',
    'forward',
    {},
    (t) => void patchCgwRule(t.world, 'reject', { sequenceNumber: 5, scope: [vpcInterface], action: 'REJECT' }),
  ),
  scenario('no CGW rule', 'CGW_DEFAULT_DROP', 'out', 'forward', { cgw: 'none' }, noChange),
  scenario('no CGW rule', 'CGW_DEFAULT_DROP', 'in', 'forward', { cgw: 'none' }, noChange),
  scenario('a DFW DROP at the VM', 'DFW_RULE_DROP', 'out', 'forward', {}, dfwRule('DROP')),
  scenario('a DFW DROP at the VM', 'DFW_RULE_DROP', 'in', 'forward', {}, dfwRule('DROP')),
  scenario('a DFW REJECT at the VM', 'DFW_RULE_REJECT', 'out', 'forward', {}, dfwRule('REJECT')),
  scenario('a DFW REJECT at the VM', 'DFW_RULE_REJECT', 'in', 'forward', {}, dfwRule('REJECT')),
  scenario('the DFW default rule set to DROP', 'DFW_DEFAULT_DROP', 'out', 'forward', {}, dfwDefaultDrop),
  scenario('the DFW default rule set to DROP', 'DFW_DEFAULT_DROP', 'in', 'forward', {}, dfwDefaultDrop),
  scenario('the segment disconnected', 'SEGMENT_DISCONNECTED', 'out', 'forward', { segmentConnectivity: 'OFF' }, noChange),
  scenario('the segment disconnected', 'SEGMENT_DISCONNECTED', 'in', 'forward', { segmentConnectivity: 'OFF' }, noChange),
  scenario('the VM powered off', 'VM_POWERED_OFF', 'out', 'forward', { vm: { powerState: 'VM_STOPPED' } }, noChange),
  scenario('the VM powered off', 'VM_POWERED_OFF', 'in', 'forward', { vm: { powerState: 'VM_STOPPED' } }, noChange),
  scenario('the instance stopped', 'INSTANCE_NOT_RUNNING', 'out', 'forward', {}, (t) =>
    stopInstances(t.world, [t.instances['ec2-a']!.instanceId]),
  ),
  scenario('the instance stopped', 'INSTANCE_NOT_RUNNING', 'in', 'forward', {}, (t) =>
    stopInstances(t.world, [t.instances['ec2-a']!.instanceId]),
  ),
  scenario(
    'a guest firewall on the VM dropping ICMP',
    'GUEST_FIREWALL_DROP',
    'out',
    'forward',
    { vm: { guestFirewall: { defaultInbound: 'allow', rules: [{ action: 'drop', protocol: 'icmp' }] } } },
    noChange,
  ),
  scenario(
    'a guest firewall on the instance dropping ICMP',
    'GUEST_FIREWALL_DROP',
    'in',
    'forward',
    { instances: { 'ec2-a': { guestFirewall: { defaultInbound: 'allow', rules: [{ action: 'drop', protocol: 'icmp' }] } } } },
    noChange,
  ),
];

export const scenarioTitle = (s: BlockedScenario): string =>
  `${s.code} ${s.flow === 'out' ? 'EC2 → VM' : 'VM → EC2'} (${s.path}): ${s.name}`;
