// Request bodies of the NSX writes the harness makes, in NSX's own JSON names (what goes on the wire is
// what a reader of the NSX API reference expects). Extra fields pass through to NSX.

export interface NsxTagJson {
  scope?: string;
  tag: string;
}

export interface SegmentBody {
  display_name?: string;
  description?: string;
  /** Gateway as CIDR, e.g. `{ gateway_address: '192.168.100.1/24' }`. */
  subnets?: { gateway_address: string; dhcp_ranges?: string[] }[];
  type?: 'ROUTED' | 'EXTENDED' | 'ROUTED_AND_EXTENDED' | 'DISCONNECTED';
  advanced_config?: { connectivity?: 'ON' | 'OFF'; [field: string]: unknown };
  tags?: NsxTagJson[];
  _revision?: number;
  [field: string]: unknown;
}

export type GroupExpressionJson =
  | { resource_type: 'IPAddressExpression'; ip_addresses: string[] }
  | {
      resource_type: 'Condition';
      member_type: string;
      key: 'Name' | 'Tag' | 'OSName' | 'ComputerName';
      operator: string;
      value: string;
      scope_operator?: string;
    }
  | { resource_type: 'PathExpression'; paths: string[] }
  | { resource_type: 'ExternalIDExpression'; member_type: 'VirtualMachine' | 'VirtualNetworkInterface'; external_ids: string[] }
  | { resource_type: 'MACAddressExpression'; mac_addresses: string[] }
  | { resource_type: 'ConjunctionOperator'; conjunction_operator: 'AND' | 'OR' }
  | { resource_type: 'NestedExpression'; expressions: GroupExpressionJson[] }
  | {
      resource_type: 'IdentityGroupExpression';
      identity_groups: { distinguished_name?: string; domain_base_distinguished_name?: string; sid?: string }[];
    };

export interface GroupBody {
  display_name?: string;
  description?: string;
  expression?: GroupExpressionJson[];
  tags?: NsxTagJson[];
  _revision?: number;
  [field: string]: unknown;
}

export interface RuleBody {
  resource_type?: 'Rule';
  display_name?: string;
  description?: string;
  sequence_number?: number;
  /** Group paths, IP/CIDR/range literals, or `['ANY']`. */
  source_groups?: string[];
  destination_groups?: string[];
  sources_excluded?: boolean;
  destinations_excluded?: boolean;
  /** Service paths (`/infra/services/ICMP-ALL`) or `['ANY']`. */
  services?: string[];
  /** Inline service entries, in the NSX shapes' JSON (src/shapes/nsx/services.ts). */
  service_entries?: ({ resource_type: string } & Record<string, unknown>)[];
  /** Context profile paths, or `['ANY']`. */
  profiles?: string[];
  /** Applied To: label paths, e.g. `['/infra/labels/cgw-cross-vpc']` (the VPC interface). */
  scope?: string[];
  action?: 'ALLOW' | 'DROP' | 'REJECT';
  direction?: 'IN' | 'OUT' | 'IN_OUT';
  ip_protocol?: 'IPV4' | 'IPV6' | 'IPV4_IPV6';
  logged?: boolean;
  disabled?: boolean;
  tags?: NsxTagJson[];
  _revision?: number;
  [field: string]: unknown;
}

/** A DFW rule: the CGW rule's fields, Applied To as group paths or `['ANY']`, and JUMP_TO_APPLICATION. */
export type DfwRuleBody = Omit<RuleBody, 'action'> & { action?: 'ALLOW' | 'DROP' | 'REJECT' | 'JUMP_TO_APPLICATION' };

/** A security policy without its rules (the client writes rules one at a time). */
export interface SecurityPolicyBody {
  resource_type?: 'SecurityPolicy';
  display_name?: string;
  description?: string;
  category?: 'Emergency' | 'Infrastructure' | 'Environment' | 'Application';
  sequence_number?: number;
  /** Applied To: group paths or `['ANY']`. */
  scope?: string[];
  stateful?: boolean;
  tags?: NsxTagJson[];
  _revision?: number;
}
