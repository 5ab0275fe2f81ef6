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
  outcome: 'allow' | 'block';
  /** The hop passed because it is stateful and the request was allowed (reply traffic). */
  stateful?: boolean;
  code?: ReasonCode;
  detail: string;
}

/** A suggested fix, in words and as the exact API call that would apply it. */
export interface Fix {
  text: string;
  api: 'ec2' | 'nsx' | 'vsphere' | 'guest-os';
  /** EC2 action (`AuthorizeSecurityGroupIngress`) or NSX method + path (`PATCH /policy/api/v1/...`). */
  action: string;
  params: Record<string, unknown>;
}

export interface Block {
  code: ReasonCode;
  direction: PathDirection;
  resource: ResourceRef;
  hopIndex: number;
  fix: Fix;
}

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
  reachable: boolean;
  blockedBy: Block | null;
  hops: Hop[];
}
