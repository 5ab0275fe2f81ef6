// A scenario as data: the topology to build (what to create, what exists and is adopted), then steps:
// probes with their expectations, and changes between probes (the fix of case C). The DSL (builder.ts)
// produces it; the runner provisions, probes and tears down from it. Nothing here calls an API.
import type { ReasonCode } from '../../network';

/** A reference to something the scenario declared, by its scenario-local name. */
export interface Ref<K extends string> {
  kind: K;
  name: string;
}

export type InstanceRef = Ref<'instance'>;
export type VmRef = Ref<'vm'>;
export type SgRef = Ref<'security-group'>;
export type GroupRef = Ref<'group'>;
export type SegmentRef = Ref<'segment'>;
export type EndpointRef = InstanceRef | VmRef;

/**
 * An address the scenario does not hard-code, resolved at provision time from the connected VPC the run
 * discovers (and recorded in the ledger): its primary CIDR, or a free range of it that no existing subnet
 * overlaps. So one scenario runs on any customer's connected VPC.
 */
export type AddressToken = { vpc: 'cidr' } | { vpc: 'free-range'; prefix: number };
/** A literal CIDR, or a token resolved at provision time. */
export type Address = string | AddressToken;

/** Who may talk: a security group of the scenario, a CIDR, or all. */
export type SgPeer = { sg: SgRef } | { cidr: Address };

export interface SgRuleSpec {
  direction: 'ingress' | 'egress';
  protocol: 'all' | 'icmp' | 'tcp' | 'udp';
  /** TCP/UDP port, or ICMP type (-1 = all). */
  port?: number;
  peer: SgPeer;
}

export interface SegmentSpec {
  name: string;
  /** NSX segment id. */
  id: string;
  /** Gateway CIDR, e.g. `192.168.100.1/24`. */
  gateway: string;
  connectivity: 'ON' | 'OFF';
}

export type GroupMember = { vmName: string } | { ip: string } | { segment: SegmentRef } | { tag: string };

export interface GroupSpec {
  name: string;
  id: string;
  members: GroupMember[];
}

export type CgwEndpoint = 'ANY' | GroupRef | { cidr: string } | 'connected_vpc';

export interface CgwRuleSpec {
  name: string;
  id: string;
  sequence: number;
  from: CgwEndpoint;
  to: CgwEndpoint;
  services: 'ANY' | 'ICMP-ALL' | string[];
  /** Applied To: `vpc` is the VPC Interface (cgw-cross-vpc). */
  appliedTo: 'vpc' | 'all-uplinks' | 'internet' | 'direct-connect';
  direction: 'IN' | 'OUT' | 'IN_OUT';
  action: 'ALLOW' | 'DROP' | 'REJECT';
}

/**
 * A DFW rule the harness writes in a security policy of its own (one per category, created by the run),
 * never in the default section. Applied To: `ANY` or a group of the scenario.
 */
export interface DfwRuleSpec {
  name: string;
  id: string;
  category: 'Emergency' | 'Infrastructure' | 'Environment' | 'Application';
  sequence: number;
  from: CgwEndpoint;
  to: CgwEndpoint;
  services: 'ANY' | 'ICMP-ALL' | string[];
  appliedTo: 'ANY' | GroupRef;
  direction: 'IN' | 'OUT' | 'IN_OUT';
  action: 'ALLOW' | 'DROP' | 'REJECT';
}

export interface SecurityGroupSpec {
  name: string;
  /** `default` is the VPC's default SG: adopted, never created or deleted. */
  isDefault: boolean;
  rules: SgRuleSpec[];
  /** For a created SG: drop the allow-all egress rule AWS adds (restricted egress cases). */
  noDefaultEgress: boolean;
}

export interface InstanceSpec {
  name: string;
  securityGroups: SgRef[];
  /** Without an instance profile SSM cannot manage the instance (the harness must say so). */
  instanceProfile: boolean;
  /** A subnet with its own route table / NACL for the case (created by the scenario), else the connected subnet. */
  subnet?: string;
}

export interface SubnetSpec {
  name: string;
  cidr: Address;
  /** A custom route table; `sddcRoute` adds the segment route to the active ENI (absent = the classic pitfall). */
  routeTable?: { sddcRoutes: SegmentRef[] };
  /** A custom network ACL: entries in order. */
  networkAcl?: NaclEntrySpec[];
}

/** A network ACL entry: ICMP with a type, TCP/UDP with a port range (`ports: [1024, 65535]`, absent = all ports). */
export interface NaclEntrySpec {
  ruleNumber: number;
  egress: boolean;
  protocol: 'all' | 'icmp' | 'tcp' | 'udp';
  icmpType?: number;
  ports?: [number, number];
  action: 'allow' | 'deny';
  cidr: Address;
}

export interface Expectation {
  reachable: boolean;
  /** For unreachable: the reason code the engine must name. */
  blockedBy?: ReasonCode;
  /** The probe cannot run (no SSM profile …): the harness must report an infrastructure error, and why. */
  probeError?: RegExp;
}

/**
 * What a probe sends: ICMP echo (ping), a TCP connect to a port, or a UDP datagram to a port. A TCP probe
 * with `listen` first starts a short-lived listener on the destination through SSM, so the answer does not
 * depend on an application listening; a UDP probe always starts one (UDP needs a responder).
 */
export type ProbeKind = { protocol: 'icmp' } | { protocol: 'tcp'; port: number; listen: boolean } | { protocol: 'udp'; port: number };

export interface ProbeStep {
  type: 'probe';
  label: string;
  from: EndpointRef;
  to: EndpointRef;
  expect: Expectation;
  /** Absent: ICMP echo (ping), as before TCP/UDP probes existed. */
  probe?: ProbeKind;
}

export type Change =
  | { type: 'authorize'; sg: SgRef; rule: SgRuleSpec }
  | { type: 'revoke'; sg: SgRef; rule: SgRuleSpec }
  | { type: 'segment-connectivity'; segment: SegmentRef; connectivity: 'ON' | 'OFF' };

export interface ChangeStep {
  type: 'change';
  label: string;
  change: Change;
}

export type Step = ProbeStep | ChangeStep;

export interface ScenarioSpec {
  title: string;
  segments: SegmentSpec[];
  groups: GroupSpec[];
  cgwRules: CgwRuleSpec[];
  dfwRules: DfwRuleSpec[];
  /** The action of the DFW's default layer-3 rule for the run (a foreign change: recorded, reverted exactly). */
  dfwDefaultAction?: 'ALLOW' | 'DROP' | 'REJECT';
  securityGroups: SecurityGroupSpec[];
  subnets: SubnetSpec[];
  instances: InstanceSpec[];
  /**
   * Existing SDDC VMs used by the scenario, by the scenario's name for them; the SDDC's display name comes
   * from the configuration (`live.vms`), else it is the scenario's name (the mock SDDC's VMs).
   */
  vms: { name: string; os: 'linux' | 'windows'; /** Set at provision time from the configuration. */ sddcName?: string }[];
  steps: Step[];
}
