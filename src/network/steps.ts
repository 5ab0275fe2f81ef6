// The checks a path is made of. Each records one hop (allowed or blocked) and returns whether the
// packet goes on. The two path files (ec2-to-sddc, sddc-to-ec2) put these in the order of design §2.
import type { DfwRule, GuestFirewall, Route, World } from '../world';
import { ipToNumber, cidrContainsIp, parseCidr, routeTarget } from '../world';
import type { Packet } from './flow';
import { describePacket } from './flow';
import type { NetworkIndex } from './network-index';
import type { Trace } from './trace';
import type { HopKind, PathDirection, ResourceRef } from './verdict';
import type { Endpoint, InstanceEndpoint, VmEndpoint } from './endpoints';
import type { ReasonCode } from './reason-codes';
import { describeSgRule } from './sg-match';
import { describeNaclEntry } from './nacl-match';
import { describeRoute } from './route-match';
import { describeCgwRule } from './cgw-match';
import { describeDfwRule, type DfwDirection } from './dfw-match';
import * as fixes from './fixes';
import { prefixListMissing } from './missing-data';
import { segmentIsRouted } from '../world';

export interface Ctx {
  world: World;
  index: NetworkIndex;
  trace: Trace;
}

export function instanceRunning(c: Ctx, path: PathDirection, e: InstanceEndpoint): boolean {
  const resource: ResourceRef = { type: 'instance', id: e.instance.instanceId, name: e.name };
  const state = e.instance.state;
  if (state === 'running')
    return c.trace.brief || c.trace.allow({ path, kind: 'instance-state', resource, matched: null, detail: `${e.name} is running` });
  return c.trace.brief
    ? c.trace.blockedBrief(path, 'INSTANCE_NOT_RUNNING')
    : c.trace.deny(
        { path, kind: 'instance-state', resource, matched: null, detail: `${e.name} is ${state}` },
        'INSTANCE_NOT_RUNNING',
        fixes.startInstanceFix(e.instance.instanceId, state),
      );
}

export function vmPoweredOn(c: Ctx, path: PathDirection, e: VmEndpoint): boolean {
  const resource: ResourceRef = { type: 'vm', id: e.vm.externalId, name: e.name };
  if (e.vm.powerState === 'VM_RUNNING')
    return c.trace.brief || c.trace.allow({ path, kind: 'vm-power', resource, matched: null, detail: `${e.name} is powered on` });
  return c.trace.brief
    ? c.trace.blockedBrief(path, 'VM_POWERED_OFF')
    : c.trace.deny(
        { path, kind: 'vm-power', resource, matched: null, detail: `${e.name} is ${e.vm.powerState}` },
        'VM_POWERED_OFF',
        fixes.vmPowerFix(e.vm.externalId, e.name),
      );
}

export function segmentConnected(c: Ctx, path: PathDirection, e: VmEndpoint): boolean {
  const seg = e.segment;
  if (!seg) {
    if (c.trace.brief) return c.trace.blockedBrief(path, 'NO_ROUTE');
    return c.trace.deny(
      {
        path,
        kind: 'segment',
        resource: { type: 'vm', id: e.vm.externalId, name: e.name },
        matched: null,
        detail: `no CGW segment holds ${e.ip}`,
      },
      'NO_ROUTE',
      {
        text: `create a routed segment on the compute gateway whose subnet holds ${e.ip}, or move ${e.name} onto one`,
        api: 'nsx',
        action: 'PATCH /policy/api/v1/infra/tier-1s/cgw/segments/{id}',
        params: { subnets: [{ gateway_address: '<gateway>/<prefix>' }] },
      },
    );
  }
  const resource: ResourceRef = { type: 'segment', id: seg.path, name: seg.displayName };
  const holds = seg.subnets.some((s) => cidrContainsIp(parseCidr(s.network), e.ipNum));
  if (!segmentIsRouted(seg)) {
    return c.trace.brief
      ? c.trace.blockedBrief(path, 'SEGMENT_DISCONNECTED')
      : c.trace.deny(
          {
            path,
            kind: 'segment',
            resource,
            matched: null,
            detail: `segment ${seg.displayName} is ${seg.type} with connectivity ${seg.connectivity}`,
          },
          'SEGMENT_DISCONNECTED',
          fixes.segmentFix(seg),
        );
  }
  if (!holds) {
    return c.trace.brief
      ? c.trace.blockedBrief(path, 'NO_ROUTE')
      : c.trace.deny(
          {
            path,
            kind: 'segment',
            resource,
            matched: null,
            detail: `${e.ip} is outside segment ${seg.displayName} (${seg.subnets.map((s) => s.network).join(', ')})`,
          },
          'NO_ROUTE',
          {
            text: `give ${e.name} an address inside ${seg.subnets.map((s) => s.network).join(', ')}`,
            api: 'guest-os',
            action: 'set-ip-address',
            params: { vm: e.name },
          },
        );
  }
  return (
    c.trace.brief ||
    c.trace.allow({
      path,
      kind: 'segment',
      resource,
      matched: { id: seg.subnets[0]!.network, summary: `routed, connected` },
      detail: `${e.ip} on routed segment ${seg.displayName}`,
    })
  );
}

export interface SgCheck {
  path: PathDirection;
  kind: Extract<HopKind, 'sg-egress' | 'sg-ingress' | 'eni-sg-ingress' | 'eni-sg-egress'>;
  groupIds: readonly string[];
  groupKey: string;
  isEgress: boolean;
  packet: Packet;
  peerIp: number;
  peerIpText: string;
  peerGroups: readonly string[];
  via?: ResourceRef;
  code: ReasonCode;
  fix: () => ReturnType<typeof fixes.authorizeFix>;
}

export function securityGroups(c: Ctx, s: SgCheck): boolean {
  const matcher = c.index.sg(s.groupKey, s.groupIds, s.isEgress, s.packet);
  const rule = matcher.match(s.peerIp, s.peerGroups);
  if (rule && c.trace.brief) return true;
  const resource = c.index.sgResource(s.groupKey, s.groupIds);
  const dir = s.isEgress ? 'outbound' : 'inbound';
  if (rule) {
    const matched = c.index.matchedRule(rule, () => ({ id: rule.securityGroupRuleId, summary: describeSgRule(rule) }));
    return c.trace.allow({
      path: s.path,
      kind: s.kind,
      resource,
      via: s.via,
      matched,
      detail: `${dir} ${s.packet.text} allowed by ${rule.groupId}`,
    });
  }
  // No rule definitely allows; one the data cannot decide might (SGs only allow, so nothing else could block).
  const possible = matcher.possible(s.peerIp, s.peerGroups);
  if (possible.length > 0) {
    const first = possible[0]!;
    const matched = first.rule ? { id: first.rule.securityGroupRuleId, summary: describeSgRule(first.rule) } : null;
    const others =
      possible.length > 1
        ? ` (also undecided: ${possible
            .slice(1)
            .map((p) => p.missing)
            .join(', ')})`
        : '';
    return c.trace.indeterminate(
      {
        path: s.path,
        kind: s.kind,
        resource,
        via: s.via,
        matched,
        detail: `no ${dir} rule of ${resource.name} definitely matches ${s.packet.text} ${s.isEgress ? 'to' : 'from'} ${s.peerIpText}; ${first.what}${others}`,
      },
      { code: first.code, missing: first.missing, what: first.what, settle: first.settle },
    );
  }
  return c.trace.brief
    ? c.trace.blockedBrief(s.path, s.code)
    : c.trace.deny(
        {
          path: s.path,
          kind: s.kind,
          resource,
          via: s.via,
          matched: null,
          detail: `no ${dir} rule of ${resource.name} matches ${s.packet.text} ${s.isEgress ? 'to' : 'from'} ${s.peerIpText}`,
        },
        s.code,
        s.fix(),
      );
}

export function statefulSg(
  c: Ctx,
  path: PathDirection,
  kind: SgCheck['kind'],
  groupKey: string,
  groupIds: readonly string[],
  via?: ResourceRef,
): boolean {
  return c.trace.brief || c.trace.stateful(path, { kind, resource: c.index.sgResource(groupKey, groupIds), via }, 'the security group');
}

export function networkAcl(
  c: Ctx,
  path: PathDirection,
  subnetId: string,
  egress: boolean,
  packet: Packet,
  peerIp: number,
  peer: string,
): boolean {
  const kind = egress ? 'nacl-outbound' : 'nacl-inbound';
  const acl = c.index.naclOf(subnetId);
  if (!acl)
    return (
      c.trace.brief ||
      c.trace.allow({
        path,
        kind,
        resource: { type: 'network-acl', id: `(none for ${subnetId})` },
        matched: null,
        detail: `no network ACL is associated with ${subnetId} in this world; treated as allow`,
      })
    );
  const resource: ResourceRef = { type: 'network-acl', id: acl.networkAclId };
  const entry = c.index.nacl(acl, egress, packet).match(peerIp);
  if (entry && entry.ruleAction === 'allow') {
    const matched = c.index.matchedRule(entry, () => ({ id: String(entry.ruleNumber), summary: describeNaclEntry(entry) }));
    return (
      c.trace.brief || c.trace.allow({ path, kind, resource, matched, detail: `${packet.text} ${egress ? 'to' : 'from'} ${peer} allowed` })
    );
  }
  const code = egress ? 'NACL_OUTBOUND_DENY' : 'NACL_INBOUND_DENY';
  if (c.trace.brief) return c.trace.blockedBrief(path, code);
  const ruleNumber = entry?.ruleNumber ?? 32767;
  return c.trace.deny(
    {
      path,
      kind,
      resource,
      matched: entry ? { id: String(entry.ruleNumber), summary: describeNaclEntry(entry) } : null,
      detail: `${describePacket(packet)} ${egress ? 'to' : 'from'} ${peer} denied${path === 'return' ? ' (NACLs are stateless: the reply needs its own allow)' : ''}`,
    },
    code,
    fixes.naclFix(acl, egress, packet, `${peer}/32`, ruleNumber),
  );
}

/** Every VPC has a main route table; a subnet without one means the data lacks it, so no request is named. */
const noRouteTableFix = (subnetId: string): ReturnType<typeof fixes.adviceFix> =>
  fixes.adviceFix(
    'route-table-not-in-data',
    `subnet ${subnetId} has no route table in the data (every VPC has a main route table): collect the VPC's route tables again`,
  );

/** VPC routing from a subnet towards the SDDC: the longest prefix must lead to the active cross-link ENI. */
export function routeToSddc(c: Ctx, path: PathDirection, subnetId: string, dst: VmEndpoint): boolean {
  const rt = c.index.routeTableOf(subnetId);
  const linked = c.world.nsx.linkedVpc;
  const cidr = dst.segment?.subnets[0]?.network ?? `${dst.ip}/32`;
  if (!rt)
    return c.trace.brief
      ? c.trace.blockedBrief(path, 'NO_ROUTE')
      : c.trace.deny(
          {
            path,
            kind: 'route',
            resource: { type: 'route-table', id: `(none for ${subnetId})` },
            matched: null,
            detail: `subnet ${subnetId} has no route table`,
          },
          'NO_ROUTE',
          noRouteTableFix(subnetId),
        );
  const resource: ResourceRef = { type: 'route-table', id: rt.routeTableId, name: rt.associations.some((a) => a.main) ? 'main' : 'custom' };
  const matcher = c.index.route(rt);
  const hit = matcher.lookup(dst.ipNum);
  const active = linked?.activeEni;
  if (!linked || !active) {
    return c.trace.brief
      ? c.trace.blockedBrief(path, 'NO_ROUTE')
      : c.trace.deny(
          { path, kind: 'route', resource, matched: null, detail: 'the SDDC has no linked VPC in this world' },
          'NO_ROUTE',
          fixes.sddcRouteFix(dst.ip, [], undefined),
        );
  }
  // The cross-link ENIs are in the connected VPC only: from another VPC no route can lead to them.
  const vpcId = c.world.ec2.subnets.get(subnetId)?.vpcId;
  if (vpcId !== undefined && vpcId !== linked.linkedVpcId) {
    if (c.trace.brief) return c.trace.blockedBrief(path, 'NO_ROUTE');
    return c.trace.deny(
      {
        path,
        kind: 'route',
        resource,
        matched: null,
        detail: `subnet ${subnetId} is in ${vpcId}, not in the connected VPC ${linked.linkedVpcId}: the SDDC's cross-link ENIs are not reachable from it`,
      },
      'NO_ROUTE',
      fixes.notInConnectedVpcFix(`its subnet ${subnetId} is in ${vpcId}`, linked.linkedVpcId, linked.linkedVpcAddresses),
    );
  }
  // A prefix-list route whose entries are unknown might be the longest match: undecided unless it would lead where the known match leads.
  const leadsToSddc = (r: Route | undefined): boolean => r !== undefined && r.networkInterfaceId === active && r.state === 'active';
  const undecided = matcher.unknown.find((r) => leadsToSddc(r) !== leadsToSddc(hit?.route));
  if (undecided) {
    const pl = undecided.destinationPrefixListId!;
    const m = prefixListMissing(c.world, pl, `route table ${rt.routeTableId}`);
    const known = hit ? `the known longest match is ${describeRoute(hit.route)}` : 'no known route matches';
    return c.trace.indeterminate(
      {
        path,
        kind: 'route',
        resource,
        matched: { id: pl, summary: describeRoute(undecided) },
        detail: `${dst.ip} may be routed by ${describeRoute(undecided)}: the entries of ${pl} are not in the data (${known})`,
      },
      { code: m.code, missing: m.missing, what: `${m.what}: whether it routes ${dst.ip} cannot be told`, settle: m.settle },
    );
  }
  if (!hit) {
    // Only the tables VMC manages lose the route when a segment is disconnected; a custom table never had it.
    if (dst.segment && !segmentIsRouted(dst.segment) && linked.routeTableIds.includes(rt.routeTableId)) {
      if (c.trace.brief) return c.trace.blockedBrief(path, 'SEGMENT_DISCONNECTED');
      return c.trace.deny(
        {
          path,
          kind: 'route',
          resource,
          matched: null,
          detail: `no route for ${dst.ip} in ${rt.routeTableId}: VMC withdrew it because segment ${dst.segment.displayName} is disconnected`,
        },
        'SEGMENT_DISCONNECTED',
        fixes.segmentFix(dst.segment),
      );
    }
    return c.trace.brief
      ? c.trace.blockedBrief(path, 'NO_ROUTE')
      : c.trace.deny(
          {
            path,
            kind: 'route',
            resource,
            matched: null,
            detail: `no route in ${rt.routeTableId} matches ${dst.ip}${resource.name === 'custom' ? ' (custom route tables get no SDDC routes from VMC)' : ''}`,
          },
          'NO_ROUTE',
          fixes.routeFix(rt.routeTableId, cidr, active, false),
        );
  }
  const target = hit.route.networkInterfaceId;
  const matched = { id: hit.matchedCidr, summary: describeRoute(hit.route) };
  if (target === active && hit.route.state === 'active')
    return (
      c.trace.brief ||
      c.trace.allow({ path, kind: 'route', resource, matched, detail: `${dst.ip} via the active cross-link ENI ${active}` })
    );
  if (target !== undefined && linked.crossLinkEniIds.includes(target)) {
    return c.trace.brief
      ? c.trace.blockedBrief(path, 'ROUTE_TO_INACTIVE_ENI')
      : c.trace.deny(
          {
            path,
            kind: 'route',
            resource,
            matched,
            detail: `${dst.ip} is routed to cross-link ENI ${target}, which is not the active one (${active}): blackhole`,
          },
          'ROUTE_TO_INACTIVE_ENI',
          fixes.routeFix(rt.routeTableId, hit.matchedCidr, active, true, hit.route.destinationPrefixListId),
        );
  }
  return c.trace.brief
    ? c.trace.blockedBrief(path, 'NO_ROUTE')
    : c.trace.deny(
        {
          path,
          kind: 'route',
          resource,
          matched,
          detail: `${dst.ip} is routed to ${routeTarget(hit.route) ?? '?'}${hit.route.state === 'blackhole' ? ' (blackhole)' : ''}, which does not lead to the SDDC`,
        },
        'NO_ROUTE',
        fixes.routeFix(rt.routeTableId, hit.matchedCidr, active, true, hit.route.destinationPrefixListId),
      );
}

/** VPC routing to an address inside the VPC: the longest prefix must be the local route. */
export function routeLocal(c: Ctx, path: PathDirection, subnetId: string, dstIp: string): boolean {
  const rt = c.index.routeTableOf(subnetId);
  if (!rt)
    return c.trace.brief
      ? c.trace.blockedBrief(path, 'NO_ROUTE')
      : c.trace.deny(
          {
            path,
            kind: 'route',
            resource: { type: 'route-table', id: `(none for ${subnetId})` },
            matched: null,
            detail: `subnet ${subnetId} has no route table`,
          },
          'NO_ROUTE',
          noRouteTableFix(subnetId),
        );
  const resource: ResourceRef = { type: 'route-table', id: rt.routeTableId, name: rt.associations.some((a) => a.main) ? 'main' : 'custom' };
  const hit = c.index.route(rt).lookup(ipToNumber(dstIp));
  if (hit && hit.route.gatewayId === 'local')
    return (
      c.trace.brief ||
      c.trace.allow({
        path,
        kind: 'route',
        resource,
        matched: { id: hit.matchedCidr, summary: describeRoute(hit.route) },
        detail: `${dstIp} via the VPC's local route`,
      })
    );
  if (c.trace.brief) return c.trace.blockedBrief(path, 'NO_ROUTE');
  return c.trace.deny(
    {
      path,
      kind: 'route',
      resource,
      matched: hit ? { id: hit.matchedCidr, summary: describeRoute(hit.route) } : null,
      detail: hit
        ? `${dstIp} is routed to ${routeTarget(hit.route)} instead of the local route`
        : `no route in ${rt.routeTableId} matches ${dstIp}`,
    },
    'NO_ROUTE',
    {
      text: `remove the route that overrides the local route for ${dstIp} in ${rt.routeTableId}`,
      api: 'ec2',
      action: 'DeleteRoute',
      params: {
        RouteTableId: rt.routeTableId,
        ...(hit?.route.destinationPrefixListId !== undefined
          ? { DestinationPrefixListId: hit.route.destinationPrefixListId }
          : { DestinationCidrBlock: hit?.matchedCidr ?? `${dstIp}/32` }),
      },
    },
  );
}

/** The SDDC's route towards the connected VPC: only the VPC's own CIDRs are reachable over the cross-link. */
export function sddcRoute(c: Ctx, path: PathDirection, dst: InstanceEndpoint): boolean {
  const linked = c.world.nsx.linkedVpc;
  const resource: ResourceRef = { type: 'linked-vpc', id: linked?.linkedVpcId ?? '(none)', name: 'connected VPC' };
  const cidrs = linked?.linkedVpcAddresses ?? [];
  const hit = cidrs.find((cidr) => cidrContainsIp(parseCidr(cidr), dst.ipNum));
  if (hit && linked)
    return (
      c.trace.brief ||
      c.trace.allow({
        path,
        kind: 'sddc-route',
        resource,
        matched: { id: hit, summary: `connected VPC CIDR ${hit} via ${linked.activeEni}` },
        detail: `${dst.ip} is in the connected VPC`,
      })
    );
  return c.trace.brief
    ? c.trace.blockedBrief(path, 'NO_ROUTE')
    : c.trace.deny(
        {
          path,
          kind: 'sddc-route',
          resource,
          matched: null,
          detail: linked ? `${dst.ip} is outside the connected VPC's CIDRs (${cidrs.join(', ')})` : 'the SDDC has no linked VPC',
        },
        'NO_ROUTE',
        fixes.sddcRouteFix(dst.ip, cidrs, linked?.linkedVpcId),
      );
}

export function computeGateway(
  c: Ctx,
  path: PathDirection,
  direction: 'IN' | 'OUT',
  packet: Packet,
  src: Endpoint,
  dst: Endpoint,
): boolean {
  const matcher = c.index.cgw(direction, packet);
  const { rule, uncertain } = matcher.decide(src.member, src.key, dst.member, dst.key);
  // A brief trace needs the decision only (the common allow first: a matrix walks this 400,000 times).
  if (c.trace.brief && uncertain.length === 0) {
    if (!rule || rule.isDefault) return c.trace.blockedBrief(path, 'CGW_DEFAULT_DROP');
    return rule.action === 'ALLOW' || c.trace.blockedBrief(path, rule.action === 'DROP' ? 'CGW_RULE_DROP' : 'CGW_RULE_REJECT');
  }
  const policy: ResourceRef = { type: 'cgw-gateway-policy', id: '/infra/domains/cgw/gateway-policies/default', name: 'CGW' };
  const where = direction === 'IN' ? 'into the SDDC' : 'out of the SDDC';
  const firstSeq = matcher.rules[0]?.sequenceNumber ?? 10;
  // Text only where a hop says it (not on the common allow): a matrix walks this 400,000 times.
  const decided = (): string =>
    rule && !rule.isDefault
      ? `"${rule.displayName}" ${rule.action === 'ALLOW' ? 'allows' : rule.action === 'DROP' ? 'drops' : 'rejects'} it`
      : 'the default uplink rule drops it';
  if (uncertain.length > 0) {
    // An earlier rule may match and would decide otherwise: the data cannot say which rule decides.
    const first = uncertain[0]!.rule;
    const [head, ...rest] = uncertain.flatMap((u) =>
      u.reasons.map((r) => ({ ...r, resource: { type: 'cgw-rule' as const, id: u.rule.path, name: u.rule.displayName } })),
    );
    const detail = `${src.ip} → ${dst.ip} ${where}: ${uncertain.map((u) => `"${u.rule.displayName}" (${u.rule.action})`).join(', ')} may match first (${head?.what ?? 'unknown'}); otherwise ${decided()}`;
    c.trace.indeterminate(
      {
        path,
        kind: 'cgw',
        resource: { type: 'cgw-rule', id: first.path, name: first.displayName },
        matched: { id: first.path, summary: describeCgwRule(first) },
        detail,
      },
      head!,
    );
    for (const r of rest) c.trace.assumptions.push({ ...r, path, hopKind: 'cgw' });
    return true;
  }
  if (!rule || rule.isDefault) {
    return c.trace.deny(
      {
        path,
        kind: 'cgw',
        resource: rule ? { type: 'cgw-rule', id: rule.path, name: rule.displayName } : policy,
        matched: rule ? { id: rule.path, summary: describeCgwRule(rule) } : null,
        detail: `no CGW rule on the VPC interface allows ${src.ip} → ${dst.ip} ${where}; the default uplink rule drops it`,
      },
      'CGW_DEFAULT_DROP',
      fixes.cgwFix(direction, src.ip, dst.ip, packet, rule, firstSeq),
    );
  }
  const resource: ResourceRef = { type: 'cgw-rule', id: rule.path, name: rule.displayName };
  const matched = c.index.matchedRule(rule, () => ({ id: rule.path, summary: describeCgwRule(rule) }));
  if (rule.action === 'ALLOW')
    return c.trace.allow({
      path,
      kind: 'cgw',
      resource,
      matched,
      detail: `${src.ip} → ${dst.ip} ${where} allowed by "${rule.displayName}"`,
    });
  return c.trace.deny(
    { path, kind: 'cgw', resource, matched, detail: `${src.ip} → ${dst.ip} ${where}: ${decided()}` },
    rule.action === 'DROP' ? 'CGW_RULE_DROP' : 'CGW_RULE_REJECT',
    fixes.cgwFix(direction, src.ip, dst.ip, packet, rule, firstSeq),
  );
}

/** The CGW's hop on a return path (stateful: the reply of an allowed request passes). */
export const cgwStatefulHop = {
  kind: 'cgw',
  resource: { type: 'cgw-gateway-policy', id: '/infra/domains/cgw/gateway-policies/default', name: 'CGW' },
} as const satisfies { kind: HopKind; resource: ResourceRef };

const dfwResource: ResourceRef = { type: 'dfw-policy', id: '/infra/domains/cgw/security-policies', name: 'DFW' };

/**
 * The NSX distributed firewall at the VM's vNIC (design §2 step 7b): `IN` for traffic into the VM,
 * `OUT` for traffic out of it. A world without the DFW in its data (`dfwPolicies` null) cannot tell:
 * the hop is indeterminate with DFW_NOT_EXPORTED, never a silent allow.
 */
/** The reason code of a DFW rule that blocks. */
const dfwBlockCode = (rule: DfwRule): ReasonCode =>
  rule.isDefault ? 'DFW_DEFAULT_DROP' : rule.action === 'DROP' ? 'DFW_RULE_DROP' : 'DFW_RULE_REJECT';

export function distributedFirewall(
  c: Ctx,
  path: PathDirection,
  direction: DfwDirection,
  packet: Packet,
  src: Endpoint,
  dst: Endpoint,
  vm: VmEndpoint,
): boolean {
  if (c.trace.brief && c.world.nsx.dfwPolicies !== null) {
    // A brief trace needs the decision only (the texts below are for the hop).
    const { rule, policy, uncertain } = c.index.dfw(direction, packet).decide(src, dst, vm);
    if (uncertain.length === 0) return !rule || !policy || rule.action === 'ALLOW' || c.trace.blockedBrief(path, dfwBlockCode(rule));
  }
  const where = direction === 'IN' ? `into ${vm.name}` : `out of ${vm.name}`;
  if (c.world.nsx.dfwPolicies === null) {
    return c.trace.indeterminate(
      {
        path,
        kind: 'dfw',
        resource: dfwResource,
        matched: null,
        detail: `${src.ip} → ${dst.ip} ${where}: the distributed firewall is not in the data; not checked`,
      },
      {
        code: 'DFW_NOT_EXPORTED',
        missing: 'nsx/dfw-policies.json',
        what: `the NSX distributed firewall at ${vm.name}'s vNIC was not checked: the data holds no security policies`,
        settle: "export nsx/dfw-policies.json (GET /policy/api/v1/infra/domains/cgw/security-policies and each policy's rules)",
      },
    );
  }
  const { rule, policy, uncertain } = c.index.dfw(direction, packet).decide(src, dst, vm);
  const decided =
    rule && policy
      ? `"${rule.displayName}" in ${policy.displayName} ${rule.action === 'ALLOW' ? 'allows' : rule.action === 'DROP' ? 'drops' : 'rejects'} it`
      : 'no DFW rule matches (NSX allows)';
  if (uncertain.length > 0) {
    const first = uncertain[0]!.rule;
    const firstPolicy = c.world.nsx.dfwPolicies.get(first.policyId);
    const [head, ...rest] = uncertain.flatMap((u) =>
      u.reasons.map((r) => ({ ...r, resource: { type: 'dfw-rule' as const, id: u.rule.path, name: u.rule.displayName } })),
    );
    const detail = `${src.ip} → ${dst.ip} ${where}: ${uncertain.map((u) => `"${u.rule.displayName}" (${u.rule.action})`).join(', ')} may match first (${head?.what ?? 'unknown'}); otherwise ${decided}`;
    c.trace.indeterminate(
      {
        path,
        kind: 'dfw',
        resource: { type: 'dfw-rule', id: first.path, name: first.displayName },
        matched: { id: first.path, summary: firstPolicy ? describeDfwRule(first, firstPolicy) : first.displayName },
        detail,
      },
      head!,
    );
    for (const r of rest) c.trace.assumptions.push({ ...r, path, hopKind: 'dfw' });
    return true;
  }
  if (!rule || !policy)
    return c.trace.allow({ path, kind: 'dfw', resource: dfwResource, matched: null, detail: `${src.ip} → ${dst.ip} ${where}: ${decided}` });
  const resource: ResourceRef = { type: 'dfw-rule', id: rule.path, name: rule.displayName };
  const matched = c.index.matchedRule(rule, () => ({ id: rule.path, summary: describeDfwRule(rule, policy) }));
  if (rule.action === 'ALLOW')
    return c.trace.allow({
      path,
      kind: 'dfw',
      resource,
      matched,
      detail: `${src.ip} → ${dst.ip} ${where} allowed by "${rule.displayName}" (${policy.category})`,
    });
  const code = dfwBlockCode(rule);
  return c.trace.deny(
    { path, kind: 'dfw', resource, matched, detail: `${src.ip} → ${dst.ip} ${where}: ${decided} (${rule.path})` },
    code,
    fixes.dfwFix(direction, src.ip, dst.ip, packet, rule),
  );
}

/**
 * The reply of an allowed flow at the VM's vNIC: a stateful policy (or no deciding rule) passes it; a
 * stateless policy's rules see the reply as a new packet in the other direction.
 */
export function distributedFirewallReply(
  c: Ctx,
  direction: DfwDirection,
  request: Packet,
  reply: Packet,
  src: Endpoint,
  dst: Endpoint,
  vm: VmEndpoint,
): boolean {
  if (c.world.nsx.dfwPolicies === null)
    return c.trace.stateful(
      'return',
      { kind: 'dfw', resource: dfwResource },
      'the distributed firewall (not in the data, see the forward hop)',
    );
  const { policy } = c.index.dfw(direction, request).decide(src, dst, vm);
  if (!policy || policy.stateful)
    return (
      c.trace.brief ||
      c.trace.stateful(
        'return',
        { kind: 'dfw', resource: policy ? { type: 'dfw-policy', id: policy.path, name: policy.displayName } : dfwResource },
        'the distributed firewall',
      )
    );
  return distributedFirewall(c, 'return', direction === 'IN' ? 'OUT' : 'IN', reply, dst, src, vm);
}

function guestAllows(fw: GuestFirewall, packet: Packet, srcIp: number): { allowed: boolean; rule: number | null } {
  for (const [i, r] of fw.rules.entries()) {
    if (r.protocol !== 'all' && r.protocol !== packet.protocol) continue;
    if (r.port !== undefined && r.port !== packet.port) continue;
    if (r.sourceCidr !== undefined && !cidrContainsIp(parseCidr(r.sourceCidr), srcIp)) continue;
    return { allowed: r.action === 'allow', rule: i };
  }
  return { allowed: fw.defaultInbound === 'allow', rule: null };
}

export function guestFirewall(c: Ctx, path: PathDirection, dst: Endpoint, packet: Packet, src: Endpoint): boolean {
  const fw = dst.kind === 'instance' ? dst.instance.guestFirewall : dst.vm.guestFirewall;
  const resource: ResourceRef = {
    type: 'guest-os',
    id: dst.kind === 'instance' ? dst.instance.instanceId : dst.vm.externalId,
    name: dst.name,
  };
  if (!fw)
    return (
      c.trace.brief ||
      c.trace.allow({ path, kind: 'guest-firewall', resource, matched: null, detail: `no guest firewall modelled on ${dst.name}` })
    );
  const { allowed, rule } = guestAllows(fw, packet, src.ipNum);
  const matched = {
    id: rule === null ? 'default' : `rule ${rule + 1}`,
    summary: rule === null ? `default inbound ${fw.defaultInbound}` : JSON.stringify(fw.rules[rule]),
  };
  if (allowed)
    return (
      c.trace.brief ||
      c.trace.allow({
        path,
        kind: 'guest-firewall',
        resource,
        matched,
        detail: `guest firewall on ${dst.name} allows ${describePacket(packet)} from ${src.ip}`,
      })
    );
  return c.trace.brief
    ? c.trace.blockedBrief(path, 'GUEST_FIREWALL_DROP')
    : c.trace.deny(
        {
          path,
          kind: 'guest-firewall',
          resource,
          matched,
          detail: `guest firewall on ${dst.name} drops ${describePacket(packet)} from ${src.ip}`,
        },
        'GUEST_FIREWALL_DROP',
        fixes.guestFirewallFix(dst.name, packet, src.ip),
      );
}
