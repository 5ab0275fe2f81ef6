// Suggested fixes for a block, as words and as the exact API call: EC2 actions with their parameters in
// the API's own shape (usable with `aws ec2 <action> --cli-input-json`), NSX Policy PATCH bodies, and
// vSphere calls. A fix is a suggestion: it opens the hop that blocked, not necessarily the narrowest rule.
// Every request is complete and valid as it stands (src/network/fixes-valid.test.ts checks each kind the
// engine emits against botocore's service model and the NSX payload shapes): where no single request
// opens the hop (the instance is in another VPC, a resource the data lacks), the fix is advice in words
// (`api: 'none'`), never a request carrying a placeholder or a note.
import type { CgwRule, DfwRule, NetworkAcl, Segment } from '../world';
import type { Packet } from './flow';
import { ianaProtocol } from './flow';
import type { Fix } from './verdict';

function ipPermission(packet: Packet, peer: Record<string, unknown>): Record<string, unknown> {
  if (packet.protocol === 'icmp') return { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, ...peer };
  return { IpProtocol: packet.protocol, FromPort: packet.port, ToPort: packet.port, ...peer };
}

const hostCidr = (ip: string): string => `${ip}/32`;

/** A block no request opens as it stands: what to do, in words. `kind` names the advice (stable, kebab-case). */
export const adviceFix = (kind: string, text: string): Fix => ({ text, api: 'none', action: kind, params: {} });

export function authorizeFix(
  action: 'AuthorizeSecurityGroupIngress' | 'AuthorizeSecurityGroupEgress',
  groupId: string | undefined,
  packet: Packet,
  peer: { cidr: string } | { groupId: string | undefined },
  text: string,
): Fix {
  if (groupId === undefined)
    return adviceFix(
      'security-group-not-in-data',
      `${text}: the security group to change is not in the data (the ENI or instance has none listed); collect the configuration again`,
    );
  if ('groupId' in peer && peer.groupId === undefined)
    return adviceFix(
      'security-group-not-in-data',
      `${text}: the source has no security group in the data to name as the peer; authorize its address instead`,
    );
  const peerParam =
    'cidr' in peer
      ? { IpRanges: [{ CidrIp: peer.cidr, Description: 'vmc-reach suggested fix' }] }
      : { UserIdGroupPairs: [{ GroupId: peer.groupId!, Description: 'vmc-reach suggested fix' }] };
  return { text, api: 'ec2', action, params: { GroupId: groupId, IpPermissions: [ipPermission(packet, peerParam)] } };
}

/**
 * An allow entry numbered just below the blocking one. When every number below it is taken (a deny at
 * rule 1), no new entry can come first: the blocking entry itself is replaced by the allow instead.
 */
export function naclFix(acl: NetworkAcl, egress: boolean, packet: Packet, cidr: string, blockingRule: number): Fix {
  const used = new Set(acl.entries.filter((e) => e.egress === egress).map((e) => e.ruleNumber));
  let n = Math.min(blockingRule, 32767) - 1;
  while (n > 0 && used.has(n)) n--;
  const replace = n <= 0 && blockingRule < 32767;
  const params: Record<string, unknown> = {
    NetworkAclId: acl.networkAclId,
    RuleNumber: replace ? blockingRule : Math.max(n, 1),
    Protocol: String(ianaProtocol[packet.protocol]),
    RuleAction: 'allow',
    Egress: egress,
    CidrBlock: cidr,
  };
  if (packet.protocol === 'icmp') params.IcmpTypeCode = { Type: packet.icmpType, Code: -1 };
  else params.PortRange = { From: packet.port, To: packet.port };
  if (replace) {
    return {
      text: `replace ${egress ? 'outbound' : 'inbound'} rule ${blockingRule} of ${acl.networkAclId} with an allow for ${cidr} (no free rule number below it; the deny it held no longer applies)`,
      api: 'ec2',
      action: 'ReplaceNetworkAclEntry',
      params,
    };
  }
  return {
    text: `add an ${egress ? 'outbound' : 'inbound'} allow entry to ${acl.networkAclId} numbered below rule ${blockingRule === 32767 ? '*' : blockingRule} for ${cidr}`,
    api: 'ec2',
    action: 'CreateNetworkAclEntry',
    params,
  };
}

/**
 * The flow leaves a VPC that is not the connected VPC: the cross-link ENIs live only in the connected VPC,
 * so no route of this VPC can lead to them (a route to another VPC's ENI is refused by EC2).
 */
export const notInConnectedVpcFix = (where: string, connectedVpcId: string, connectedCidrs: readonly string[]): Fix =>
  adviceFix(
    'not-in-connected-vpc',
    `the instance is not in the connected VPC (${where}; the SDDC's cross-link reaches only ${connectedVpcId}${connectedCidrs.length ? `, ${connectedCidrs.join(', ')}` : ''}): run the instance in the connected VPC, or connect its VPC to the SDDC another way (a transit gateway, VMware Transit Connect)`,
  );

/** A route to the active ENI; a route whose destination is a prefix list is replaced by that list's id. */
export function routeFix(routeTableId: string, cidr: string, activeEni: string, replace: boolean, prefixListId?: string): Fix {
  const destination = prefixListId !== undefined ? { DestinationPrefixListId: prefixListId } : { DestinationCidrBlock: cidr };
  return {
    text: `${replace ? 'point' : 'add'} the route for ${prefixListId ?? cidr} in ${routeTableId} ${replace ? 'at' : 'to'} the active cross-link ENI ${activeEni}`,
    api: 'ec2',
    action: replace ? 'ReplaceRoute' : 'CreateRoute',
    params: { RouteTableId: routeTableId, ...destination, NetworkInterfaceId: activeEni },
  };
}

/** The rule id both firewall fixes give their allow rule (stable for one flow and direction). */
const allowRuleId = (direction: 'IN' | 'OUT', srcIp: string, dstIp: string): string =>
  `vmc-reach-allow-${direction.toLowerCase()}-${srcIp.replace(/\./g, '-')}-to-${dstIp.replace(/\./g, '-')}`;

/** The body of an NSX Policy `Rule` that allows this flow (the CGW's and the DFW's rules share the shape). */
function allowRuleBody(
  id: string,
  direction: 'IN' | 'OUT',
  srcIp: string,
  dstIp: string,
  packet: Packet,
  sequenceNumber: number,
  scope: string[],
): Record<string, unknown> {
  return {
    resource_type: 'Rule',
    display_name: id,
    sequence_number: sequenceNumber,
    source_groups: [hostCidr(srcIp)],
    destination_groups: [hostCidr(dstIp)],
    services: packet.protocol === 'icmp' ? ['/infra/services/ICMP-ALL'] : ['ANY'],
    scope,
    action: 'ALLOW',
    direction,
  };
}

export function cgwFix(
  direction: 'IN' | 'OUT',
  srcIp: string,
  dstIp: string,
  packet: Packet,
  blocking: CgwRule | null,
  firstSeq: number,
): Fix {
  const id = allowRuleId(direction, srcIp, dstIp);
  // NSX sequence numbers start at 0; a tie with the blocking rule would leave the new rule after it.
  const seq = Math.max(0, (blocking && !blocking.isDefault ? blocking.sequenceNumber : firstSeq) - 1);
  return {
    text: `add a CGW rule (Applied To: VPC Interface) allowing ${srcIp} → ${dstIp} ${direction === 'IN' ? 'into' : 'out of'} the SDDC, ordered before ${blocking ? `"${blocking.displayName}"` : 'the default uplink rule'}`,
    api: 'nsx',
    action: `PATCH /policy/api/v1/infra/domains/cgw/gateway-policies/default/rules/${id}`,
    params: allowRuleBody(id, direction, srcIp, dstIp, packet, seq, ['/infra/labels/cgw-cross-vpc']),
  };
}

/**
 * A DFW block: an ALLOW rule for this flow placed just before the blocking rule, in the blocking rule's
 * own security policy (before the default rule in the default section), so that it is evaluated first.
 */
export function dfwFix(direction: 'IN' | 'OUT', srcIp: string, dstIp: string, packet: Packet, blocking: DfwRule): Fix {
  const id = allowRuleId(direction, srcIp, dstIp);
  const seq = Math.max(0, Math.min(blocking.sequenceNumber, 2147483646) - 1);
  const policyPath = blocking.path.replace(/\/rules\/[^/]+$/, '');
  return {
    text: `add a DFW rule allowing ${srcIp} → ${dstIp} ${direction === 'IN' ? 'into' : 'out of'} the VM in ${policyPath}, ordered before ${blocking.isDefault ? 'the default layer-3 rule' : `"${blocking.displayName}"`} (${blocking.path})${blocking.isDefault ? ", or set the default rule's action back to ALLOW" : ''}${!blocking.isDefault && blocking.sequenceNumber === 0 ? ' (the blocking rule has sequence number 0: renumber it first, or NSX may order the new rule after it)' : ''}`,
    api: 'nsx',
    action: `PATCH /policy/api/v1${policyPath}/rules/${id}`,
    params: allowRuleBody(id, direction, srcIp, dstIp, packet, seq, ['ANY']),
  };
}

export const segmentFix = (segment: Segment): Fix => ({
  text: `connect segment ${segment.displayName} to the compute gateway (connectivity ON)`,
  api: 'nsx',
  action: `PATCH /policy/api/v1${segment.path}`,
  params: { advanced_config: { connectivity: 'ON' } },
});

/**
 * vSphere Automation API power-on. Its path names the VM by vCenter's identifier (`vm-42`), which NSX's
 * inventory does not carry: the VM is found by its name first (`GET /api/vcenter/vm?names=…` returns it),
 * then powered on; both requests are complete as written but for that returned identifier.
 */
export const vmPowerFix = (externalId: string, name: string, vcenterVmId?: string): Fix => ({
  text: `power on VM ${name} (instance UUID ${externalId})`,
  api: 'vsphere',
  action:
    vcenterVmId !== undefined
      ? `POST /api/vcenter/vm/${encodeURIComponent(vcenterVmId)}/power?action=start`
      : `GET /api/vcenter/vm?names=${encodeURIComponent(name)}, then POST /api/vcenter/vm/{vm}/power?action=start with the "vm" it returns`,
  params: { name, instance_uuid: externalId, ...(vcenterVmId !== undefined ? { vm: vcenterVmId } : {}) },
});

/** StartInstances applies to a stopped instance only; EC2 refuses it in any other state (IncorrectInstanceState). */
export const startInstanceFix = (instanceId: string, state: string): Fix =>
  state === 'stopped'
    ? { text: `start instance ${instanceId}`, api: 'ec2', action: 'StartInstances', params: { InstanceIds: [instanceId] } }
    : adviceFix('wait-for-instance', `wait for instance ${instanceId} to be running (it is ${state}), or launch a new one`);

export const guestFirewallFix = (name: string, packet: Packet, srcIp: string): Fix => ({
  text: `allow ${packet.protocol === 'icmp' ? 'ICMP echo' : `${packet.protocol.toUpperCase()} ${packet.port}`} from ${srcIp} in the guest firewall of ${name}`,
  api: 'guest-os',
  action: packet.protocol === 'icmp' ? 'allow-inbound-icmp-echo' : 'allow-inbound-port',
  params: { host: name, source: srcIp, protocol: packet.protocol, ...(packet.protocol === 'icmp' ? {} : { port: packet.port }) },
});

/** The SDDC reaches only the connected VPC's own CIDRs: an instance outside them is in another VPC. */
export const sddcRouteFix = (ip: string, vpcCidrs: readonly string[], connectedVpcId: string | undefined): Fix =>
  connectedVpcId === undefined
    ? adviceFix(
        'no-connected-vpc',
        `the SDDC has no connected VPC in the data: ${ip} cannot be reached over a cross-link; check the SDDC's linked VPC (VMC: GET /vmc/api/orgs/{org}/sddcs/{sddc})`,
      )
    : notInConnectedVpcFix(`${ip} is outside the connected VPC's CIDRs`, connectedVpcId, vpcCidrs);
