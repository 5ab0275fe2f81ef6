// SDDC VM → EC2 instance (design §2, reverse), then the reply back. Traffic that enters the VPC through
// the cross-link ENI counts as coming from a member of that ENI's security groups (article case A).
import type { Packets } from './flow';
import type { InstanceEndpoint, VmEndpoint } from './endpoints';
import * as step from './steps';
import * as fixes from './fixes';

export function walkSddcToEc2(c: step.Ctx, { request, reply }: Packets, src: VmEndpoint, dst: InstanceEndpoint): void {
  const { eni, groupIds: eniGroups, groupKey: eniKey, ref: via } = c.index.crossLink;
  const crossing = eni !== undefined && dst.subnet !== undefined && eni.subnetId !== dst.subnet.subnetId;
  const srcCidr = src.segment?.subnets[0]?.network ?? `${src.ip}/32`;
  const dstSg = dst.groupIds[0];

  const ok =
    step.vmPoweredOn(c, 'forward', src) &&
    // The DFW filters at the VM's vNIC, before the packet meets its segment (found by the lab oracle: a
    // DFW REJECT answers with a RST even when the segment is disconnected).
    step.distributedFirewall(c, 'forward', 'OUT', request, src, dst, src) &&
    step.segmentConnected(c, 'forward', src) &&
    step.computeGateway(c, 'forward', 'OUT', request, src, dst) &&
    step.sddcRoute(c, 'forward', dst) &&
    step.securityGroups(c, {
      path: 'forward',
      kind: 'eni-sg-egress',
      groupIds: eniGroups,
      groupKey: eniKey,
      isEgress: true,
      packet: request,
      peerIp: dst.ipNum,
      peerIpText: dst.ip,
      peerGroups: dst.groupIds,
      via,
      code: 'ENI_SG_EGRESS_NO_MATCH',
      fix: () =>
        fixes.authorizeFix(
          'AuthorizeSecurityGroupEgress',
          eniGroups[0],
          request,
          { cidr: `${dst.ip}/32` },
          `allow outbound traffic to ${dst.ip} on ${eniGroups[0] ?? "the cross-link ENI's security group"} (the security group of the cross-link ENIs: outbound means leaving the SDDC)`,
        ),
    }) &&
    (!crossing || step.networkAcl(c, 'forward', eni!.subnetId, true, request, dst.ipNum, dst.ip)) &&
    step.routeLocal(c, 'forward', eni?.subnetId ?? dst.instance.subnetId, dst.ip) &&
    (!crossing || step.networkAcl(c, 'forward', dst.subnet!.subnetId, false, request, src.ipNum, src.ip)) &&
    step.instanceRunning(c, 'forward', dst) &&
    step.securityGroups(c, {
      path: 'forward',
      kind: 'sg-ingress',
      groupIds: dst.groupIds,
      groupKey: dst.groupKey,
      isEgress: false,
      packet: request,
      peerIp: src.ipNum,
      peerIpText: src.ip,
      peerGroups: eniGroups,
      code: 'SG_INGRESS_NO_MATCH',
      fix: () =>
        fixes.authorizeFix(
          'AuthorizeSecurityGroupIngress',
          dstSg,
          request,
          { cidr: srcCidr },
          `allow inbound traffic from ${srcCidr} on ${dstSg ?? "the instance's security group"}`,
        ),
    }) &&
    step.guestFirewall(c, 'forward', dst, request, src);
  if (!ok) return;

  void (
    step.statefulSg(c, 'return', 'sg-egress', dst.groupKey, dst.groupIds) &&
    (!crossing || step.networkAcl(c, 'return', dst.subnet!.subnetId, true, reply, src.ipNum, src.ip)) &&
    step.routeToSddc(c, 'return', dst.instance.subnetId, src) &&
    (!crossing || step.networkAcl(c, 'return', eni!.subnetId, false, reply, dst.ipNum, dst.ip)) &&
    step.statefulSg(c, 'return', 'eni-sg-ingress', eniKey, eniGroups, via) &&
    c.trace.stateful('return', step.cgwStatefulHop, 'the gateway firewall') &&
    step.distributedFirewallReply(c, 'OUT', request, reply, src, dst, src)
  );
}
