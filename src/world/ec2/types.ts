// The EC2 side of the world: VPCs, subnets, route tables, NACLs, security groups, ENIs, instances.
// Field names follow the EC2 API (camelCase of the AWS names) so the wire layer and the snapshot
// reader translate one to one.
import type { Tag } from '../tags';

export interface Vpc {
  vpcId: string;
  ownerId: string;
  cidrBlock: string;
  /** Additional IPv4 CIDR associations (the primary is `cidrBlock`). */
  secondaryCidrBlocks: string[];
  /** IPv6 CIDR associations (dual stack), kept so a snapshot written back holds them; IPv4 flows ignore them. */
  ipv6CidrBlocks?: string[];
  isDefault: boolean;
  state: 'pending' | 'available';
  tags: Tag[];
}

export interface Subnet {
  subnetId: string;
  vpcId: string;
  ownerId: string;
  cidrBlock: string;
  /** IPv6 CIDR associations of a dual-stack subnet. */
  ipv6CidrBlocks?: string[];
  availabilityZone: string;
  state: 'pending' | 'available';
  tags: Tag[];
}

export interface Route {
  destinationCidrBlock?: string;
  /** An IPv6 route (`::/0` to an egress-only IGW, the VPC's IPv6 local route); IPv4 lookups skip it. */
  destinationIpv6CidrBlock?: string;
  destinationPrefixListId?: string;
  /** `local` for the VPC's own CIDR, `igw-…`, `vgw-…`. */
  gatewayId?: string;
  networkInterfaceId?: string;
  instanceId?: string;
  transitGatewayId?: string;
  vpcPeeringConnectionId?: string;
  natGatewayId?: string;
  egressOnlyInternetGatewayId?: string;
  state: 'active' | 'blackhole';
  origin: 'CreateRouteTable' | 'CreateRoute' | 'EnableVgwRoutePropagation';
}

export interface RouteTableAssociation {
  routeTableAssociationId: string;
  routeTableId: string;
  /** Absent on the main association. */
  subnetId?: string;
  main: boolean;
}

export interface RouteTable {
  routeTableId: string;
  vpcId: string;
  ownerId: string;
  routes: Route[];
  associations: RouteTableAssociation[];
  tags: Tag[];
}

/** `-1` (all), or an IANA protocol number as a string (`1` ICMP, `6` TCP, `17` UDP), as NACL entries have it. */
export type NaclProtocol = string;

export interface NaclEntry {
  ruleNumber: number;
  protocol: NaclProtocol;
  ruleAction: 'allow' | 'deny';
  egress: boolean;
  /** Exactly one of `cidrBlock` (IPv4) and `ipv6CidrBlock` is set; AWS's own IPv6 entries are numbered 32768. */
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  icmpTypeCode?: { type: number; code: number };
  portRange?: { from: number; to: number };
}

export interface NetworkAclAssociation {
  networkAclAssociationId: string;
  networkAclId: string;
  subnetId: string;
}

export interface NetworkAcl {
  networkAclId: string;
  vpcId: string;
  ownerId: string;
  isDefault: boolean;
  entries: NaclEntry[];
  associations: NetworkAclAssociation[];
  tags: Tag[];
}

/**
 * One security group rule, as DescribeSecurityGroupRules returns it. `ipProtocol` is `-1`, `icmp`,
 * `tcp`, `udp` or a protocol number; for ICMP `fromPort` is the type and `toPort` the code (-1 = any).
 * Exactly one of `cidrIpv4`, `cidrIpv6`, `referencedGroupId`, `prefixListId` is set.
 */
export interface SecurityGroupRule {
  securityGroupRuleId: string;
  groupId: string;
  groupOwnerId: string;
  isEgress: boolean;
  ipProtocol: string;
  fromPort: number;
  toPort: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  referencedGroupId?: string;
  /** Where the referenced group lives when it is not this account's (peering, another account). */
  referencedGroupInfo?: { userId?: string; vpcId?: string; vpcPeeringConnectionId?: string };
  prefixListId?: string;
  description?: string;
  tags: Tag[];
}

export interface SecurityGroup {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ownerId: string;
  tags: Tag[];
  /** Ingress and egress rules, in the order they were authorized. */
  rules: SecurityGroupRule[];
}

export interface ManagedPrefixList {
  prefixListId: string;
  prefixListName: string;
  ownerId: string;
  addressFamily: 'IPv4' | 'IPv6';
  entries: { cidr: string; description?: string }[];
  /** The most entries the list may hold (CreateManagedPrefixList's MaxEntries), when known. */
  maxEntries?: number;
  /**
   * True when the list is known (describe-managed-prefix-lists) but its entries are not (no
   * get-managed-prefix-list-entries export): every use of it is indeterminate, never an empty list.
   */
  entriesMissing?: boolean;
  tags: Tag[];
}

export interface NetworkInterface {
  networkInterfaceId: string;
  subnetId: string;
  vpcId: string;
  ownerId: string;
  availabilityZone: string;
  privateIpAddress: string;
  secondaryPrivateIpAddresses: string[];
  /** IPv6 addresses of a dual-stack ENI. */
  ipv6Addresses?: string[];
  groupIds: string[];
  description: string;
  interfaceType: string;
  status: 'available' | 'in-use';
  sourceDestCheck: boolean;
  requesterManaged: boolean;
  attachment?: {
    attachmentId: string;
    instanceId?: string;
    instanceOwnerId?: string;
    deviceIndex: number;
    status: 'attached' | 'detached';
  };
  tags: Tag[];
}

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export const instanceStateCodes: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/**
 * A host firewall inside the guest OS (iptables, Windows Defender Firewall). Not visible through any
 * cloud API; worlds and snapshots may declare one to model "config allows but packets fail".
 * Rules are checked in order for new inbound connections; the first match decides.
 */
export interface GuestFirewall {
  defaultInbound: 'allow' | 'drop';
  rules: { action: 'allow' | 'drop'; protocol: 'all' | 'icmp' | 'tcp' | 'udp'; sourceCidr?: string; port?: number }[];
}

export interface Instance {
  instanceId: string;
  imageId: string;
  instanceType: string;
  ownerId: string;
  state: InstanceStateName;
  /** Epoch ms at which a pending/shutting-down instance moves on (driven by the world's clock). */
  stateTransitionAt?: number;
  subnetId: string;
  vpcId: string;
  privateIpAddress: string;
  /** The primary ENI (device index 0). */
  networkInterfaceId: string;
  availabilityZone: string;
  launchTime: number;
  iamInstanceProfileArn?: string;
  platform?: 'windows';
  keyName?: string;
  userData?: string;
  clientToken?: string;
  /** Set when several instances share one reservation; a lone instance's id is derived from its own. */
  reservationId?: string;
  tags: Tag[];
  guestFirewall?: GuestFirewall;
}
