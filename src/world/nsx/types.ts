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
  subnets: SegmentSubnet[];
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
  | { resourceType: 'NestedExpression'; expressions: GroupExpression[] };

export interface Group {
  id: string;
  domain: string;
  displayName: string;
  path: string;
  description?: string;
  expression: GroupExpression[];
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

export interface ServiceEntry {
  resourceType: 'ICMPTypeServiceEntry' | 'L4PortSetServiceEntry' | 'IPProtocolServiceEntry';
  /** ICMP: `ICMPv4`/`ICMPv6`; L4: `TCP`/`UDP`. */
  protocol?: string;
  icmpType?: number;
  icmpCode?: number;
  destinationPorts?: string[];
  protocolNumber?: number;
}

export interface NsxService {
  id: string;
  path: string;
  displayName: string;
  entries: ServiceEntry[];
}

export type PowerState = 'VM_RUNNING' | 'VM_STOPPED' | 'VM_SUSPENDED' | 'UNKNOWN';

export interface Vm {
  /** vCenter instance UUID (NSX `external_id`). */
  externalId: string;
  displayName: string;
  powerState: PowerState;
  tags: NsxTag[];
  ipAddresses: string[];
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
