// EC2 instance → SDDC VM (design §2, forward), then the reply back. Subnet ACLs are checked only where
// the packet crosses a subnet boundary, i.e. when the instance and the cross-link ENI are in different
// subnets (AWS does not evaluate NACLs inside a subnet).
import type { Packets } from './flow';
import type { InstanceEndpoint, VmEndpoint } from './endpoints';
import * as step from './steps';
import * as fixes from './fixes';

export function walkEc2ToSddc(c: step.Ctx, { request, reply }: Packets, src: InstanceEndpoint, dst: VmEndpoint): void {
  const { eni, groupIds: eniGroups, groupKey: eniKey, ref: via } = c.index.crossLink;
  const crossing = eni !== undefined && src.subnet !== undefined && eni.subnetId !== src.subnet.subnetId;
  const dstCidr = dst.segment?.subnets[0]?.network ?? `${dst.ip}/32`;
  const firstSg = src.groupIds[0];

  const ok =
    step.instanceRunning(c, 'forward', src) &&
    step.securityGroups(c, {
      path: 'forward',
      kind: 'sg-egress',
      groupIds: src.groupIds,
      groupKey: src.groupKey,
      isEgress: true,
      packet: request,
      peerIp: dst.ipNum,
      peerIpText: dst.ip,
      peerGroups: eniGroups,
      code: 'SG_EGRESS_NO_MATCH',
      fix: () =>
        fixes.authorizeFix(
          'AuthorizeSecurityGroupEgress',
          firstSg,
          request,
          { cidr: dstCidr },
          `allow outbound traffic to ${dstCidr} on ${firstSg ?? "the instance's security group"}`,
        ),
    }) &&
    (!crossing || step.networkAcl(c, 'forward', src.subnet!.subnetId, true, request, dst.ipNum, dst.ip)) &&
    step.routeToSddc(c, 'forward', src.instance.subnetId, dst) &&
    (!crossing || step.networkAcl(c, 'forward', eni!.subnetId, false, request, src.ipNum, src.ip)) &&
    step.securityGroups(c, {
      path: 'forward',
      kind: 'eni-sg-ingress',
      groupIds: eniGroups,
      groupKey: eniKey,
      isEgress: false,
      packet: request,
      peerIp: src.ipNum,
      peerIpText: src.ip,
      peerGroups: src.groupIds,
      via,
      code: 'ENI_SG_INGRESS_NO_MATCH',
      fix: () =>
        fixes.authorizeFix(
          'AuthorizeSecurityGroupIngress',
          eniGroups[0],
          request,
          { groupId: firstSg },
          `add ${firstSg ?? "the instance's security group"} as a source of an inbound rule of ${eniGroups[0] ?? "the cross-link ENI's security group"} (the security group of the cross-link ENIs: inbound means entering the SDDC)`,
        ),
    }) &&
    step.computeGateway(c, 'forward', 'IN', request, src, dst) &&
    step.segmentConnected(c, 'forward', dst) &&
    step.vmPoweredOn(c, 'forward', dst) &&
    step.distributedFirewall(c, 'forward', 'IN', request, src, dst, dst) &&
    step.guestFirewall(c, 'forward', dst, request, src);
  if (!ok) return;

  void (
    step.distributedFirewallReply(c, 'IN', request, reply, src, dst, dst) &&
    c.trace.stateful('return', step.cgwStatefulHop, 'the gateway firewall') &&
    step.sddcRoute(c, 'return', src) &&
    step.statefulSg(c, 'return', 'eni-sg-egress', eniKey, eniGroups, via) &&
    (!crossing || step.networkAcl(c, 'return', eni!.subnetId, true, reply, src.ipNum, src.ip)) &&
    step.routeLocal(c, 'return', eni?.subnetId ?? src.instance.subnetId, src.ip) &&
    (!crossing || step.networkAcl(c, 'return', src.subnet!.subnetId, false, reply, dst.ipNum, dst.ip)) &&
    step.statefulSg(c, 'return', 'sg-ingress', src.groupKey, src.groupIds)
  );
}
