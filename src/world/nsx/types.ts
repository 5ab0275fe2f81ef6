// The SDDC side of the world: the SDDC record, CGW segments, groups, gateway firewall rules, services,
// VMs and the linked (connected) VPC. Field names follow the NSX Policy API (camelCase of its JSON).
import type { NsxTag } from '../tags';
import type { GuestFirewall } from '../ec2/types';

export interface Sddc {
  id: string;
  name: string;
  orgId: string;
  region: string;
  sddcState: 'READY' | 'DEPLOYING' | 'FAILED' | 'DELETING' | 'DELETED';
  /** `…/vmc/reverse-proxy/api/orgs/{org}/sddcs/{sddc}/sks-nsxt-manager` */
  nsxApiPublicEndpointUrl: string;
  /** The SDDC management CIDR. */
  managementCidr: string;
}

export interface SegmentSubnet {
  /** Gateway as CIDR, e.g. `192.168.100.1/24`. */
  gatewayAddress: string;
  /** Derived network, e.g. `192.168.100.0/24`. */
  network: string;
  dhcpRanges?: string[];
}

export type SegmentType = 'ROUTED' | 'EXTENDED' | 'ROUTED_AND_EXTENDED' | 'DISCONNECTED';

export interface Segment {
  id: string;
  displayName: string;
  description?: string;
  path: string;
  type: SegmentType;
  connectivity: 'ON' | 'OFF';
  /** The IPv4 subnet (NSX `SegmentIpSubnets` allows one IPv4 and one IPv6 subnet). */
  subnets: SegmentSubnet[];
  /** The IPv6 subnet of a dual-stack segment; kept for round trips, never consulted by IPv4 flows. */
  ipv6Subnets?: SegmentSubnet[];
  revision: number;
  tags: NsxTag[];
}

export type GroupExpression =
  | { resourceType: 'IPAddressExpression'; ipAddresses: string[] }
  | {
      resourceType: 'Condition';
      memberType: string;
      key: string;
      operator: string;
      value: string;
      scopeOperator?: string;
    }
  | { resourceType: 'PathExpression'; paths: string[] }
  | { resourceType: 'ExternalIDExpression'; memberType: string; externalIds: string[] }
  | { resourceType: 'MACAddressExpression'; macAddresses: string[] }
  | { resourceType: 'ConjunctionOperator'; conjunctionOperator: 'AND' | 'OR' }
  | { resourceType: 'NestedExpression'; expressions: GroupExpression[] }
  /** Identity-based membership (AD groups): the data cannot say who is logged on where. */
  | {
      resourceType: 'IdentityGroupExpression';
      identityGroups: { distinguishedName?: string; domainBaseDistinguishedName?: string; sid?: string }[];
    }
  /** An expression type this model does not know, kept as NSX sent it (membership is then unknown). */
  | { resourceType: 'UnknownExpression'; type: string; json: Record<string, unknown> };

export interface Group {
  id: string;
  domain: string;
  displayName: string;
  path: string;
  description?: string;
  expression: GroupExpression[];
  /** NSX `extended_expression` (identity groups ANDed with `expression`), as sent; non-empty makes membership unknown. */
  extendedExpression?: Record<string, unknown>[];
  revision: number;
  tags: NsxTag[];
  /** System groups under `/infra/tier-0s/vmc/groups` (e.g. `connected_vpc`) are read-only. */
  systemOwned: boolean;
}

export type CgwAction = 'ALLOW' | 'DROP' | 'REJECT';
export type CgwDirection = 'IN' | 'OUT' | 'IN_OUT';

export interface CgwRule {
  id: string;
  displayName: string;
  description?: string;
  path: string;
  sequenceNumber: number;
  sourceGroups: string[];
  destinationGroups: string[];
  sourcesExcluded: boolean;
  destinationsExcluded: boolean;
  services: string[];
  /** Inline service entries (NSX `service_entries`), matched together with `services`. */
  serviceEntries?: ServiceEntry[];
  /** Context profile paths (L7 App ID, FQDN) or `['ANY']`; anything but ANY cannot be judged from the data. */
  profiles?: string[];
  scope: string[];
  action: CgwAction;
  direction: CgwDirection;
  ipProtocol: 'IPV4' | 'IPV6' | 'IPV4_IPV6';
  disabled: boolean;
  logged: boolean;
  /** The built-in Default Uplink Rule (NSX `is_default`): a match on it is a default drop. */
  isDefault: boolean;
  ruleId: number;
  revision: number;
  tags: NsxTag[];
}

/** DFW categories (NSX `category`; `Ethernet` is layer 2 and never decides an IP flow); order in `dfwCategories`. */
export type DfwCategory = 'Ethernet' | 'Emergency' | 'Infrastructure' | 'Environment' | 'Application';

/** `JUMP_TO_APPLICATION` (Environment category only) skips the rest of Environment and goes on with Application. */
export type DfwAction = 'ALLOW' | 'DROP' | 'REJECT' | 'JUMP_TO_APPLICATION';

/** A distributed firewall rule (`/infra/domains/cgw/security-policies/{policy}/rules/{id}`). */
export interface DfwRule extends Omit<CgwRule, 'action'> {
  action: DfwAction;
  /** Id of the security policy holding the rule. */
  policyId: string;
}

/** An NSX security policy in domain `cgw`: the DFW section its rules live in. */
export interface DfwPolicy {
  id: string;
  path: string;
  displayName: string;
  description?: string;
  category: DfwCategory;
  sequenceNumber: number;
  /** Applied-To of the whole policy: group paths or `['ANY']`; a rule's own scope (not ANY) overrides it. */
  scope: string[];
  /** Stateful policies pass the replies of allowed flows; stateless ones check the reply too. */
  stateful: boolean;
  /** VMC's `default-layer3-section`: holds the default layer-3 rule; it cannot be deleted. */
  isDefault: boolean;
  revision: number;
  tags: NsxTag[];
  /** Keyed by rule id. */
  rules: Map<string, DfwRule>;
}

/** NSX service entry types (the JSON `resource_type`), incl. `UnknownServiceEntry` for a type this model does not know. */
export type ServiceEntryType =
  | 'ICMPTypeServiceEntry'
  | 'L4PortSetServiceEntry'
  | 'IPProtocolServiceEntry'
  | 'ALGTypeServiceEntry'
  | 'IGMPTypeServiceEntry'
  | 'EtherTypeServiceEntry'
  | 'NestedServiceServiceEntry'
  | 'UnknownServiceEntry';

export interface ServiceEntry {
  resourceType: ServiceEntryType;
  /** Entry id within its service (NSX gives one; optional). */
  id?: string;
  /** ICMP: `ICMPv4`/`ICMPv6`; L4: `TCP`/`UDP`. */
  protocol?: string;
  icmpType?: number;
  icmpCode?: number;
  /** L4 and ALG: single ports (`"22"`), ranges (`"8000-8100"`), or comma lists (`"22, 33-70"`). */
  destinationPorts?: string[];
  sourcePorts?: string[];
  protocolNumber?: number;
  /** ALG name: FTP, TFTP, ORACLE_TNS, SUN_RPC_TCP/UDP, MS_RPC_TCP/UDP, NBNS_BROADCAST, NBDG_BROADCAST. */
  alg?: string;
  etherType?: number;
  /** NestedServiceServiceEntry: the service it includes. */
  nestedServicePath?: string;
  /** UnknownServiceEntry: the type NSX sent and the entry as sent. */
  type?: string;
  json?: Record<string, unknown>;
}

export interface NsxService {
  id: string;
  path: string;
  displayName: string;
  entries: ServiceEntry[];
}

/** A VM's virtual network interface (NSX realized-state `VirtualNetworkInterface`). */
export interface Vif {
  /** `<vm external id>-<device key>`, e.g. `…-4000`. */
  externalId: string;
  macAddress?: string;
  /** Every address the VIF reports (IPv4 and IPv6); the VM's `ipAddresses` keeps the IPv4 ones. */
  ipAddresses: string[];
  lportAttachmentId?: string;
  deviceKey?: string;
  deviceName?: string;
}

export type PowerState = 'VM_RUNNING' | 'VM_STOPPED' | 'VM_SUSPENDED' | 'UNKNOWN';

export interface Vm {
  /** vCenter instance UUID (NSX `external_id`). */
  externalId: string;
  displayName: string;
  powerState: PowerState;
  tags: NsxTag[];
  /** IPv4 addresses; empty for a VM without a VIF or whose VIF reports none. */
  ipAddresses: string[];
  /** The VM's VIFs when the data has them (MAC- and VIF-based group membership needs them). */
  vifs?: Vif[];
  /** Segment path if known; otherwise the engine finds the segment whose subnet holds the VM's IP. */
  segmentPath?: string;
  osName?: string;
  computerName?: string;
  /** SSM hybrid managed node id (`mi-…`) when the VM runs the SSM agent. */
  managedInstanceId?: string;
  guestFirewall?: GuestFirewall;
}

export interface LinkedVpc {
  linkedVpcId: string;
  linkedAccount: string;
  linkedVpcAddresses: string[];
  subnets: { id: string; cidr: string; availabilityZone: string }[];
  /** The cross-link ENI that carries traffic (the one on the host of the active edge). */
  activeEni: string;
  /** Every cross-link ENI, active or not. */
  crossLinkEniIds: string[];
  /** Route tables VMC keeps updated with the SDDC's networks (the main table by default). */
  routeTableIds: string[];
}

/**
 * A change of the SDDC's advertised networks waiting for VMC to realize it in the connected VPC's
 * managed route tables (after the latency profile's `segmentRealizationMs`).
 */
export interface PendingRouteRealization {
  /** World clock time at which the change shows in the route tables. */
  dueAt: number;
  /** The advertised CIDRs as of the NSX change (management CIDR and routed segments). */
  cidrs: string[];
}
