// Test worlds for the engine's tests (test code only; nothing in the engine imports it): the base
// topology of the semantic tables, built through world operations, with handles to its resources and
// shorthands for the flows and for what a verdict decided. Base: VPC 10.0.0.0/16; connected subnet
// 10.0.1.0/24 holding the SDDC's two cross-link ENIs (the first active); a second subnet 10.0.2.0/24;
// routed segment 192.168.10.0/24 with VM `vm-a` 192.168.10.10 running; CGW rules on the VPC interface
// allowing everything in and out. The VPC, subnets and SDDC come from the world layer's one test-world builder.
import {
  addVm,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  defaultSecurityGroup,
  describeInstances,
  mainRouteTable,
  patchCgwRule,
  patchSegment,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
  runInstances,
  type GuestFirewall,
  type Instance,
  type NsxTag,
  type PowerState,
  type RouteTable,
  type SecurityGroup,
  type Segment,
  type Subnet,
  type Vm,
  type Vpc,
  type World,
} from '../../world';
import { newWorldWithSddc } from '../../world/test-support';
import type { Flow, Protocol } from '../flow';
import type { ReasonCode } from '../reason-codes';
import type { HopKind, PathDirection, Verdict } from '../verdict';
import { evaluate } from '../evaluate';

export const vpcInterface = '/infra/labels/cgw-cross-vpc';

export interface InstanceSpec {
  /** Default `connected` (the cross-link ENIs' subnet, 10.0.1.0/24); `other` is 10.0.2.0/24. */
  subnet?: 'connected' | 'other';
  /** Security groups by name: `default` or a custom group declared in `securityGroups`. Default `['default']`. */
  groups?: string[];
  privateIp?: string;
  guestFirewall?: GuestFirewall;
}

export interface SecurityGroupSpec {
  /** `allow-all`: inbound and outbound all traffic from/to anywhere (the article's CJ-SG); `egress-only`: as EC2 creates it. */
  rules?: 'allow-all' | 'egress-only';
}

export interface VmSpec {
  ip: string;
  powerState?: PowerState;
  tags?: NsxTag[];
  guestFirewall?: GuestFirewall;
}

export interface TopologyOptions {
  /** `allow-all` (default): rules `vpc-in` (seq 100, IN) and `vpc-out` (seq 110, OUT), ANY/ANY/ANY on cgw-cross-vpc; `none`: no rules. */
  cgw?: 'allow-all' | 'none';
  segmentConnectivity?: 'ON' | 'OFF';
  /** The VM `vm-a` (192.168.10.10, tag env|test). */
  vm?: Partial<VmSpec>;
  /** More VMs by name (their external id is `<name>-uuid`). */
  vms?: Record<string, VmSpec>;
  securityGroups?: Record<string, SecurityGroupSpec>;
  /** Instances by Name tag, launched and settled to `running`. Default: `ec2-a` in the connected subnet in the default SG. */
  instances?: Record<string, InstanceSpec>;
}

export interface Topology {
  world: World;
  vpc: Vpc;
  connectedSubnet: Subnet;
  otherSubnet: Subnet;
  activeEni: string;
  inactiveEni: string;
  defaultSg: SecurityGroup;
  mainRouteTable: RouteTable;
  segment: Segment;
  sgs: Record<string, SecurityGroup>;
  instances: Record<string, Instance>;
  vms: Record<string, Vm>;
  /** A flow from the named instance to the named VM (default `vm-a`). */
  toVm(instance: string, options?: FlowOptions): Flow;
  /** A flow from the named VM to the named instance. */
  fromVm(instance: string, options?: FlowOptions): Flow;
}

export interface FlowOptions {
  vm?: string;
  protocol?: Protocol;
  port?: number;
}

export const vmExternalId = (name: string): string => `${name}-uuid`;

function groupIdOf(world: World, vpc: Vpc, sgs: Record<string, SecurityGroup>, name: string): string {
  if (name === 'default') return defaultSecurityGroup(world, vpc.vpcId).groupId;
  const sg = sgs[name];
  if (!sg) throw new Error(`test topology: security group "${name}" is not declared`);
  return sg.groupId;
}

export function buildTopology(options: TopologyOptions = {}): Topology {
  const deployed = newWorldWithSddc({ seed: 42, clock: () => 1_700_000_000_000, moreSubnets: [{ cidrBlock: '10.0.2.0/24' }] });
  const { world, vpc, subnet: connectedSubnet } = deployed;
  const otherSubnet = deployed.otherSubnets[0]!;
  const segment = patchSegment(world, 'seg-a', {
    subnets: [{ gatewayAddress: '192.168.10.1/24' }],
    connectivity: options.segmentConnectivity ?? 'ON',
  });

  const vms: Record<string, Vm> = {};
  const vmSpecs: Record<string, VmSpec> = {
    'vm-a': { ip: '192.168.10.10', tags: [{ scope: 'env', tag: 'test' }], ...options.vm },
    ...options.vms,
  };
  for (const [name, spec] of Object.entries(vmSpecs)) {
    vms[name] = addVm(world, {
      externalId: vmExternalId(name),
      displayName: name,
      powerState: spec.powerState ?? 'VM_RUNNING',
      tags: spec.tags ?? [],
      ipAddresses: [spec.ip],
      ...(spec.guestFirewall ? { guestFirewall: spec.guestFirewall } : {}),
    });
  }

  if ((options.cgw ?? 'allow-all') === 'allow-all') {
    patchCgwRule(world, 'vpc-in', { sequenceNumber: 100, scope: [vpcInterface], direction: 'IN', action: 'ALLOW' });
    patchCgwRule(world, 'vpc-out', { sequenceNumber: 110, scope: [vpcInterface], direction: 'OUT', action: 'ALLOW' });
  }

  const sgs: Record<string, SecurityGroup> = {};
  for (const [name, spec] of Object.entries(options.securityGroups ?? {})) {
    const sg = createSecurityGroup(world, { groupName: name, description: `test group ${name}`, vpcId: vpc.vpcId });
    if ((spec.rules ?? 'allow-all') === 'allow-all') {
      authorizeSecurityGroupIngress(world, sg.groupId, [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }]);
    }
    sgs[name] = sg;
  }

  const instances: Record<string, Instance> = {};
  for (const [name, spec] of Object.entries(options.instances ?? { 'ec2-a': {} })) {
    instances[name] = runInstances(world, {
      imageId: 'ami-0abcdef1234567890',
      subnetId: (spec.subnet ?? 'connected') === 'connected' ? connectedSubnet.subnetId : otherSubnet.subnetId,
      securityGroupIds: (spec.groups ?? ['default']).map((g) => groupIdOf(world, vpc, sgs, g)),
      tags: [{ key: 'Name', value: name }],
      ...(spec.privateIp ? { privateIpAddress: spec.privateIp } : {}),
      ...(spec.guestFirewall ? { guestFirewall: spec.guestFirewall } : {}),
    });
  }
  describeInstances(world); // settles pending → running

  const instanceRef = (name: string) => {
    const inst = instances[name];
    if (!inst) throw new Error(`test topology: no instance "${name}"`);
    return { kind: 'instance' as const, instanceId: inst.instanceId };
  };
  const vmRef = (name = 'vm-a') => {
    if (!vms[name]) throw new Error(`test topology: no VM "${name}"`);
    return { kind: 'vm' as const, externalId: vmExternalId(name) };
  };
  const extra = (o: FlowOptions) => ({
    ...(o.protocol ? { protocol: o.protocol } : {}),
    ...(o.port !== undefined ? { port: o.port } : {}),
  });

  return {
    world,
    vpc,
    connectedSubnet,
    otherSubnet,
    activeEni: deployed.activeEni,
    inactiveEni: deployed.standbyEni,
    defaultSg: defaultSecurityGroup(world, vpc.vpcId),
    mainRouteTable: mainRouteTable(world, vpc.vpcId)!,
    segment,
    sgs,
    instances,
    vms,
    toVm: (instance, o = {}) => ({ source: instanceRef(instance), destination: vmRef(o.vm), ...extra(o) }),
    fromVm: (instance, o = {}) => ({ source: vmRef(o.vm), destination: instanceRef(instance), ...extra(o) }),
  };
}

/** What a verdict decided, as plain data a table row can state: reachable, or the block. */
export type Outcome = 'reachable' | { code: ReasonCode; direction: PathDirection; resource: string };

export function outcomeOf(v: Verdict): Outcome {
  if (!v.blockedBy) return 'reachable';
  return { code: v.blockedBy.code, direction: v.blockedBy.direction, resource: v.blockedBy.resource.id };
}

/** The hops of one kind on one path, in order. */
export const hopsOf = (v: Verdict, kind: HopKind, path: PathDirection = 'forward') =>
  v.hops.filter((h) => h.kind === kind && h.path === path);

/** The id of the rule that decided the first hop of that kind on that path (null when none matched). */
export function matchedAt(v: Verdict, kind: HopKind, path: PathDirection = 'forward'): string | null | undefined {
  const hop = hopsOf(v, kind, path)[0];
  return hop === undefined ? undefined : (hop.matched?.id ?? null);
}

/** Permission shorthands for authorizeSecurityGroupIngress/Egress. */
export const allTraffic = (cidrIp: string) => ({ ipProtocol: '-1', ipRanges: [{ cidrIp }] });
export const allFromGroup = (groupId: string) => ({ ipProtocol: '-1', userIdGroupPairs: [{ groupId }] });
export const icmpFrom = (cidrIp: string, type = -1, code = -1) => ({
  ipProtocol: 'icmp',
  fromPort: type,
  toPort: code,
  ipRanges: [{ cidrIp }],
});
export const tcpFrom = (cidrIp: string, from: number, to = from) => ({
  ipProtocol: 'tcp',
  fromPort: from,
  toPort: to,
  ipRanges: [{ cidrIp }],
});

/** Revokes every rule of a group in one direction (through the API operation, so the world's revision moves). */
export function revokeAll(world: World, group: SecurityGroup, egress: boolean): void {
  const ids = group.rules.filter((r) => r.isEgress === egress).map((r) => r.securityGroupRuleId);
  if (ids.length === 0) return;
  if (egress) revokeSecurityGroupEgress(world, group.groupId, { securityGroupRuleIds: ids });
  else revokeSecurityGroupIngress(world, group.groupId, { securityGroupRuleIds: ids });
}

/** One row of a semantic table: a topology, changes to it, a flow, and what the verdict must say. */
export interface SemanticCase {
  name: string;
  topology?: TopologyOptions;
  setup?: (t: Topology) => void;
  flow: (t: Topology) => Flow;
  expected: Outcome | ((t: Topology) => Outcome);
  /** The rule that must have decided a hop (an `sgr-…` id, NACL rule number, route destination, CGW rule path). */
  matched?: { kind: HopKind; path?: PathDirection; id: string | ((t: Topology) => string) };
}

export interface CaseResult {
  verdict: Verdict;
  outcome: Outcome;
  expected: Outcome;
  matched?: { actual: string | null | undefined; expected: string };
}

/** Builds the case's world, evaluates its flow, and pairs what happened with what the row expects. */
export function runCase(c: SemanticCase): CaseResult {
  const t = buildTopology(c.topology);
  c.setup?.(t);
  const verdict = evaluate(t.world, c.flow(t));
  const expected = typeof c.expected === 'function' ? c.expected(t) : c.expected;
  const result: CaseResult = { verdict, outcome: outcomeOf(verdict), expected };
  if (c.matched) {
    result.matched = {
      actual: matchedAt(verdict, c.matched.kind, c.matched.path),
      expected: typeof c.matched.id === 'function' ? c.matched.id(t) : c.matched.id,
    };
  }
  return result;
}

/** The outcome of a block, for table rows. */
export const blocked = (code: ReasonCode, direction: PathDirection, resource: string): Outcome => ({ code, direction, resource });
