// The verdict of the engine, as data: every hop checked (forward, then return path), each with the
// resource, the rule that decided (or none) and the outcome; the first block with its reason code and
// a suggested fix in words and as API parameters. Rendering to text lives in explain.ts.
import type { Protocol } from './flow';
import type { ReasonCode } from './reason-codes';

export type PathDirection = 'forward' | 'return';

export type HopKind =
  | 'instance-state'
  | 'sg-egress'
  | 'nacl-outbound'
  | 'route'
  | 'nacl-inbound'
  | 'eni-sg-ingress'
  | 'cgw'
  | 'segment'
  | 'dfw'
  | 'vm-power'
  | 'guest-firewall'
  | 'sddc-route'
  | 'eni-sg-egress'
  | 'sg-ingress';

export type ResourceType =
  | 'instance'
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'route-table'
  | 'cgw-gateway-policy'
  | 'cgw-rule'
  | 'dfw-policy'
  | 'dfw-rule'
  | 'segment'
  | 'vm'
  | 'linked-vpc'
  | 'guest-os';

export interface ResourceRef {
  type: ResourceType;
  id: string;
  name?: string;
}

export interface MatchedRule {
  /** `sgr-…`, NACL rule number, route destination, NSX rule path, guest firewall rule index. */
  id: string;
  summary: string;
}

export interface Hop {
  path: PathDirection;
  kind: HopKind;
  resource: ResourceRef;
  /** Extra resources this hop involved (e.g. the cross-link ENI wearing the SG). */
  via?: ResourceRef;
  matched: MatchedRule | null;
  /**
   * `indeterminate`: the data cannot decide this hop (an L7 profile, an identity group, a prefix list
   * without its entries, a referenced object outside the export). The walk goes on past it as if it
   * allowed, and the hop's assumption is listed in the verdict's `assumptions`.
   */
  outcome: 'allow' | 'block' | 'indeterminate';
  /** The hop passed because it is stateful and the request was allowed (reply traffic). */
  stateful?: boolean;
  code?: ReasonCode;
  detail: string;
}

/** A suggested fix, in words and as the exact API call that would apply it. */
export interface Fix {
  text: string;
  /** `none`: no request opens the hop as things stand (advice in `text`; `action` names the advice). */
  api: 'ec2' | 'nsx' | 'vsphere' | 'guest-os' | 'none';
  /** EC2 action (`AuthorizeSecurityGroupIngress`), NSX method + path (`PATCH /policy/api/v1/...`), vSphere request(s). */
  action: string;
  params: Record<string, unknown>;
}

/** What a matrix cell shows of a block: its reason code and the path it is on. */
export interface BlockBrief {
  code: ReasonCode;
  direction: PathDirection;
}

export interface Block extends BlockBrief {
  resource: ResourceRef;
  hopIndex: number;
  fix: Fix;
}

/**
 * What the engine could not judge on a hop, and what would settle it. A verdict with assumptions and no
 * definite block is `indeterminate`; it never guesses.
 */
export interface Assumption {
  /** Stable code of what is missing (see `AssumptionCode`). */
  code: AssumptionCode;
  path: PathDirection;
  hopKind: HopKind;
  /** The object whose evaluation depends on missing data (the rule, the group, the route table…). */
  resource: ResourceRef;
  /** The missing object by id (`pl-…`, `sg-…` of another account, a group path, a profile path). */
  missing: string;
  /** What could not be judged, in words. */
  what: string;
  /** The data that would settle it, e.g. the command that exports it. */
  settle: string;
}

export type AssumptionCode =
  /** A managed prefix list is referenced but its entries are not in the data. */
  | 'PREFIX_LIST_ENTRIES_MISSING'
  /** An SG rule references a group outside the data (peered VPC, other account, deleted). */
  | 'REFERENCED_GROUP_MISSING'
  /** An ENI wears a security group that is not in the data. */
  | 'SECURITY_GROUP_MISSING'
  /** An NSX group's membership depends on identity (AD groups) or another runtime fact. */
  | 'GROUP_MEMBERSHIP_UNKNOWN'
  /** A referenced NSX group, service or segment is not in the data. */
  | 'NSX_OBJECT_MISSING'
  /** A rule carries a context profile (L7 App ID, FQDN): the packet's layer-7 identity is unknown. */
  | 'CONTEXT_PROFILE'
  /** A service entry type the engine cannot evaluate for this packet. */
  | 'SERVICE_ENTRY_UNKNOWN'
  /** The NSX distributed firewall was not in the data. */
  | 'DFW_NOT_EXPORTED'
  /** Any other missing datum (the text says which). */
  | 'DATA_MISSING';

export type VerdictStatus = 'reachable' | 'unreachable' | 'indeterminate';

export interface EndpointSummary {
  kind: 'instance' | 'vm';
  id: string;
  name: string;
  ip: string;
}

export interface Verdict {
  source: EndpointSummary;
  destination: EndpointSummary;
  protocol: Protocol;
  port?: number;
  /**
   * `unreachable` when a hop definitely blocks (the first such hop is `blockedBy`); otherwise
   * `indeterminate` when any hop depended on missing data (`assumptions`), else `reachable`.
   */
  status: VerdictStatus;
  /** `status === 'reachable'`: true only when every hop allowed on the data given. */
  reachable: boolean;
  blockedBy: Block | null;
  /** What could not be judged; empty for a fully determined verdict. */
  assumptions: Assumption[];
  hops: Hop[];
}

/**
 * A verdict as a matrix cell needs it (`evaluateBrief`): the endpoints, the status, the block's code and
 * path, the assumptions; no hops, fix or texts. Every `Verdict` is one too.
 */
export interface VerdictBrief {
  source: EndpointSummary;
  destination: EndpointSummary;
  status: VerdictStatus;
  blockedBy: BlockBrief | null;
  assumptions: readonly Pick<Assumption, 'code'>[];
}
