// The NSX side of the VMC client, from the SDDC's reverse-proxy URL: CGW segments, groups in domain
// `cgw` and the CGW gateway policy `default`'s rules (read and written one object at a time; rule
// writes serialized), the DFW security policies and their rules (single rules too), the predefined services, labels and tier-0 groups, the realized VMs and their
// VIFs, and the connected VPC from the cloud-service API. It has no method that writes a whole
// gateway policy, and its session refuses one.
import type { Session } from '../session';
import {
  gatewayPolicySchema,
  groupSchema,
  labelSchema,
  linkedVpcSchema,
  ruleSchema,
  securityPolicySchema,
  dfwRuleSchema,
  segmentSchema,
  serviceSchema,
  vifSchema,
  virtualMachineSchema,
  type LinkedVpcInfo,
  type NsxGatewayPolicy,
  type NsxSecurityPolicy,
  type NsxGroup,
  type NsxLabelObject,
  type NsxServiceObject,
  type NsxVif,
  type NsxVirtualMachine,
} from '../schemas';
import type { DfwRuleBody, GroupBody, RuleBody, SecurityPolicyBody, SegmentBody } from './bodies';
import { listAll } from './paging';
import { PolicyObjects } from './policy-objects';
import { WriteQueue } from './write-queue';

/** `…/sks-nsxt-manager` → the Policy API base and the cloud-service base (proxy URL without `/sks-nsxt-manager`). */
export function nsxBases(proxyUrl: string): { policy: string; cloudService: string } {
  const proxy = proxyUrl.replace(/\/+$/, '');
  return { policy: `${proxy}/policy/api/v1`, cloudService: `${proxy.replace(/\/sks-nsxt-manager$/, '')}/cloud-service/api/v1` };
}

export class NsxClient {
  readonly policyBase: string;
  readonly cloudServiceBase: string;
  readonly segments: PolicyObjects<typeof segmentSchema, SegmentBody>;
  readonly groups: PolicyObjects<typeof groupSchema, GroupBody>;
  /** Rules of the CGW gateway policy `default`; writes run one at a time. */
  readonly rules: PolicyObjects<typeof ruleSchema, RuleBody>;
  /** DFW security policies of domain `cgw` (written without their rules: see `dfwRules`). */
  readonly securityPolicies: PolicyObjects<typeof securityPolicySchema, SecurityPolicyBody>;
  /** One queue for every DFW rule write: NSX does not support concurrent rule writes under a policy. */
  private readonly dfwQueue = new WriteQueue();

  constructor(
    private readonly session: Session,
    proxyUrl: string,
  ) {
    const bases = nsxBases(proxyUrl);
    this.policyBase = bases.policy;
    this.cloudServiceBase = bases.cloudService;
    this.segments = new PolicyObjects(session, `${this.policyBase}/infra/tier-1s/cgw/segments`, segmentSchema, 'segment');
    this.groups = new PolicyObjects(session, `${this.policyBase}/infra/domains/cgw/groups`, groupSchema, 'group');
    this.rules = new PolicyObjects(
      session,
      `${this.policyBase}/infra/domains/cgw/gateway-policies/default/rules`,
      ruleSchema,
      'rule',
      new WriteQueue(),
    );
    this.securityPolicies = new PolicyObjects(
      session,
      `${this.policyBase}/infra/domains/cgw/security-policies`,
      securityPolicySchema,
      'security policy',
      this.dfwQueue,
    );
  }

  /** The rules of DFW security policy `policyId`; writes run one at a time. */
  dfwRules(policyId: string): PolicyObjects<typeof dfwRuleSchema, DfwRuleBody> {
    return new PolicyObjects(
      this.session,
      `${this.policyBase}/infra/domains/cgw/security-policies/${encodeURIComponent(policyId)}/rules`,
      dfwRuleSchema,
      'DFW rule',
      this.dfwQueue,
    );
  }

  /** Every DFW security policy with its rules (the list, then each policy's GET): nsx/dfw-policies.json. */
  async listSecurityPoliciesWithRules(): Promise<NsxSecurityPolicy[]> {
    const listed = await this.securityPolicies.list();
    return Promise.all(listed.map((p) => this.securityPolicies.get(p.id)));
  }

  /** The CGW's gateway policies (on VMC: `default`), without their rules. */
  listGatewayPolicies(): Promise<NsxGatewayPolicy[]> {
    return listAll(this.session, `${this.policyBase}/infra/domains/cgw/gateway-policies`, gatewayPolicySchema);
  }

  /** The CGW gateway policy `default` with its rules (read only). */
  gatewayPolicy(): Promise<NsxGatewayPolicy> {
    return this.session.get('nsx', `${this.policyBase}/infra/domains/cgw/gateway-policies/default`, gatewayPolicySchema);
  }

  /** The read-only tier-0 groups (`connected_vpc`, `s3_prefixes`, …). */
  listTier0Groups(): Promise<NsxGroup[]> {
    return listAll(this.session, `${this.policyBase}/infra/tier-0s/vmc/groups`, groupSchema);
  }

  getTier0Group(id: string): Promise<NsxGroup> {
    return this.session.get('nsx', `${this.policyBase}/infra/tier-0s/vmc/groups/${encodeURIComponent(id)}`, groupSchema);
  }

  listServices(): Promise<NsxServiceObject[]> {
    return listAll(this.session, `${this.policyBase}/infra/services`, serviceSchema);
  }

  getService(id: string): Promise<NsxServiceObject> {
    return this.session.get('nsx', `${this.policyBase}/infra/services/${encodeURIComponent(id)}`, serviceSchema);
  }

  /** Applied-To labels (`cgw-cross-vpc` is the VPC interface). */
  listLabels(): Promise<NsxLabelObject[]> {
    return listAll(this.session, `${this.policyBase}/infra/labels`, labelSchema);
  }

  getLabel(id: string): Promise<NsxLabelObject> {
    return this.session.get('nsx', `${this.policyBase}/infra/labels/${encodeURIComponent(id)}`, labelSchema);
  }

  listVirtualMachines(): Promise<NsxVirtualMachine[]> {
    return listAll(
      this.session,
      `${this.policyBase}/infra/realized-state/enforcement-points/vmc-enforcementpoint/virtual-machines`,
      virtualMachineSchema,
    );
  }

  listVifs(): Promise<NsxVif[]> {
    return listAll(this.session, `${this.policyBase}/infra/realized-state/enforcement-points/vmc-enforcementpoint/vifs`, vifSchema);
  }

  /** The connected VPC(s) (one per SDDC). */
  listLinkedVpcs(): Promise<LinkedVpcInfo[]> {
    return listAll(this.session, `${this.cloudServiceBase}/infra/linked-vpcs`, linkedVpcSchema);
  }

  getLinkedVpc(id: string): Promise<LinkedVpcInfo> {
    return this.session.get('nsx', `${this.cloudServiceBase}/infra/linked-vpcs/${encodeURIComponent(id)}`, linkedVpcSchema);
  }

  /**
   * Any other NSX call, by path under the Policy API base (`/infra/…`). A write to a whole gateway
   * policy is refused.
   */
  request(method: string, policyPath: string, body?: unknown): Promise<unknown> {
    return this.session.call('nsx', method, `${this.policyBase}${policyPath}`, body === undefined ? {} : { body });
  }
}
